// Runs the real `kompetent` binary for end-to-end tests: arguments in,
// exit code, stdout and stderr out. No shell, so no quoting surprises.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace kompetent::testing_support {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Starts the binary with `args`, output to files in `work_dir`. Returns its pid.
inline pid_t spawn_kompetent(const std::vector<std::string>& args, const std::filesystem::path& work_dir) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::chdir(work_dir.c_str());
    int out = ::open((work_dir / "stdout.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open((work_dir / "stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<char*> argv;
    std::string binary = KOMPETENT_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (std::string& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::setenv("KOMPETENT_DATA", KOMPETENT_SOURCE_DIR "/data", 1);
    ::unsetenv("KOMPETENT_DB");
    ::unsetenv("KOMPETENT_LANG");
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

inline RunResult run_kompetent(const std::vector<std::string>& args, const std::filesystem::path& work_dir) {
  pid_t pid = spawn_kompetent(args, work_dir);
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(work_dir / "stdout.txt");
  result.err = slurp(work_dir / "stderr.txt");
  return result;
}

}  // namespace kompetent::testing_support
