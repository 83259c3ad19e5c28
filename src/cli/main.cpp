// kompetent: the command line. Builds everything and passes it down (no globals).
#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"kompetent — strategisk kompetanse- og rekrutteringsplanlegging for kommuner"};
  app.set_version_flag("--version", KOMPETENT_VERSION);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
