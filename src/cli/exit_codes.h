// The one table of exit codes (docs/cli.md lists them for users and scripts).
#pragma once

#include "core/result.h"

namespace kompetent::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInvalidInput = 1,  // the input is wrong (an import refused, a bad value); nothing changed
  kExitUsage = 2,         // the command line is wrong
  kExitNotFound = 3,      // the thing asked for does not exist
  kExitConflict = 4,      // it exists already (e.g. a snapshot without --replace)
  kExitIo = 5,            // a file or the database could not be read or written
  kExitInternal = 70,     // a bug: please report it
};

[[nodiscard]] constexpr int exit_code_for(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::invalid: return kExitInvalidInput;
    case ErrorKind::not_found: return kExitNotFound;
    case ErrorKind::conflict: return kExitConflict;
    case ErrorKind::forbidden: return kExitInvalidInput;
    case ErrorKind::io: return kExitIo;
    case ErrorKind::internal: return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace kompetent::cli
