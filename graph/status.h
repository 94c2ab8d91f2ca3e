// Status and Result<T>: expected failures as values.
//
// Every fallible function in kg returns a Status or a Result<T>. Library
// exceptions (nlohmann::json, Boost) and library status types (rocksdb::Status)
// are converted at the edge of the module that uses the library.
//
//   kg::Result<int> ParsePort(std::string_view s);
//   auto port = ParsePort("80");
//   if (!port.ok()) return port.status();
//   Use(*port);
#ifndef KG_GRAPH_STATUS_H_
#define KG_GRAPH_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace kg {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk,
    kNotFound,
    kInvalidArgument,
    kCorruption,
    kIOError,
    kParseError,
    kBusy,          // a resource (the store's lock) is held by someone else
    kNotSupported,  // e.g. a store written by a newer format version
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status ParseError(std::string msg) { return {Code::kParseError, std::move(msg)}; }
  static Status Busy(std::string msg) { return {Code::kBusy, std::move(msg)}; }
  static Status NotSupported(std::string msg) { return {Code::kNotSupported, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  // The human-readable message, without a code prefix; it names the input
  // and what is wrong ("seeds/a.jsonl:3: truncated JSON line").
  const std::string& message() const { return message_; }
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg

// Returns from the enclosing function if `expr` (a Status) is not OK.
#define KG_RETURN_IF_ERROR(expr)        \
  do {                                  \
    ::kg::Status kg_status_ = (expr);   \
    if (!kg_status_.ok()) return kg_status_; \
  } while (0)

#endif  // KG_GRAPH_STATUS_H_
