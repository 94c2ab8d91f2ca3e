#include "graph/status.h"

#include <catch2/catch.hpp>

namespace kg {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd: " + std::to_string(x));
  return x / 2;
}

Status Chain(int x) {
  KG_RETURN_IF_ERROR(Half(x).status());
  return Status::OK();
}

TEST_CASE("Status carries code and message", "[graph]") {
  Status ok;
  CHECK(ok.ok());
  CHECK(ok.ToString() == "OK");
  Status nf = Status::NotFound("actor 'x'");
  CHECK_FALSE(nf.ok());
  CHECK(nf.IsNotFound());
  CHECK(nf.message() == "actor 'x'");
  CHECK(nf.ToString() == "NotFound: actor 'x'");
}

TEST_CASE("Result holds a value or a status", "[graph]") {
  auto good = Half(8);
  REQUIRE(good.ok());
  CHECK(*good == 4);
  auto bad = Half(3);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kInvalidArgument);
  CHECK(Chain(3).message() == "odd: 3");
  CHECK(Chain(4).ok());
}

}  // namespace
}  // namespace kg
