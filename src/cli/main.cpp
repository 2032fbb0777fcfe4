// eventlab: the native command line. `eventlab help` lists the commands.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

constexpr const char* kUsage =
    "usage: eventlab <command> [options]\n"
    "\n"
    "commands:\n"
    "  run SCENARIO.json [--seed N] [--until DURATION] [--trace FILE]\n"
    "                      run a scenario and print a readable trace\n"
    "  validate SCENARIO.json\n"
    "                      check a scenario; one 'path: message' line per problem\n"
    "  validate EXERCISE.json\n"
    "                      check an exercise: it loads, its start fails, its solution passes\n"
    "  grade EXERCISE.json [SUBMISSION.json | DIR] [--learner ID] [--format F] [--out FILE|DIR]\n"
    "                      grade a submission (text, json, junit, gradescope, classroom,\n"
    "                      exercism, xapi); exit 0 all pass, 1 some fail, 2 invalid\n"
    "  presign --method GET|PUT --bucket B --key K --region R --access-key AK --secret-key SK\n"
    "          --date YYYYMMDDTHHMMSSZ --expires SECONDS [--host H]\n"
    "                      print a SigV4 presigned S3 URL\n"
    "  sign REQUEST.json   SigV4 query signing for any service: canonical request, string to sign,\n"
    "                      signature and URL (the fields of AWS's signing test suite)\n"
    "  jwt sign|verify|keygen ...\n"
    "                      sign a JWT (HS256, RS256), verify one with a secret, JWK, JWKS or PEM,\n"
    "                      or generate a seeded RSA JWK\n"
    "\n"
    "Run 'eventlab <command> --help' for a command's options.\n"
    "Exit codes: 0 done, 1 invalid input, 2 usage error.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace eventlab::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "run") return RunCommand(args);
  if (command == "validate") return ValidateCommand(args);
  if (command == "grade") return GradeCommand(args);
  if (command == "presign") return PresignCommand(args);
  if (command == "sign") return SignCommand(args);
  if (command == "jwt") return JwtCommand(args);
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return kExitOk;
  }
  std::cerr << "eventlab: unknown command '" << command << "'\n\n" << kUsage;
  return kExitUsage;
}
