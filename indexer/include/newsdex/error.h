#pragma once
/// @file error.h
/// Exceptions thrown across the newsdex library boundary. Xapian and ICU errors are
/// translated into these; none of their types escape.

#include <cstddef>
#include <stdexcept>
#include <string>

#include "newsdex/export.h"

namespace newsdex {

/// Base of every newsdex exception.
class NEWSDEX_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A bad option or a missing/unreadable configuration file (gazetteer, language).
class NEWSDEX_API ConfigError : public Error {
 public:
  using Error::Error;
};

/// An input file or record that cannot be read at all (the run cannot go on).
class NEWSDEX_API CorpusError : public Error {
 public:
  using Error::Error;
};

/// The database is missing, not a newsdex/Xapian database, locked, or corrupt.
class NEWSDEX_API IndexError : public Error {
 public:
  using Error::Error;
};

/// A malformed query. position() is the byte offset in the query string where the
/// problem was found.
class NEWSDEX_API QueryError : public Error {
 public:
  QueryError(const std::string& message, std::size_t position)
      : Error(message), position_(position) {}
  /// Byte offset into the query text.
  std::size_t position() const noexcept { return position_; }

 private:
  std::size_t position_;
};

}  // namespace newsdex
