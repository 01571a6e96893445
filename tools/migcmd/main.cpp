#include "cli/run.hpp"

int main(int argc, char** argv) {
  return migcmd::cli::run(argc, argv);
}
