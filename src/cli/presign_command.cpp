// `eventlab presign`: a SigV4 presigned S3 URL from explicit credentials and time, the same signer
// the simulator uses, so its output can be checked against AWS's published examples.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cloud/storage/presign.h"

namespace eventlab::cli {

int PresignCommand(const std::vector<std::string>& args) {
  constexpr const char* kUsage =
      "usage: eventlab presign --method GET|PUT --bucket B --key K --region R --access-key AK\n"
      "                        --secret-key SK --date YYYYMMDDTHHMMSSZ --expires SECONDS [--host H]\n"
      "  prints a presigned S3 URL (AWS Signature Version 4, query parameters). The host defaults to\n"
      "  B.s3.amazonaws.com in us-east-1 and B.s3.R.amazonaws.com elsewhere. SECONDS is 1..604800.\n";
  ParsedArgs a = ParseArgs(args, {"--method", "--bucket", "--key", "--region", "--access-key", "--secret-key", "--date",
                                  "--expires", "--host"});
  if (a.help) {
    std::cout << kUsage;
    return kExitOk;
  }
  auto usage_error = [&](const std::string& why) {
    std::cerr << "eventlab presign: " << why << "\n\n" << kUsage;
    return kExitUsage;
  };
  if (!a.error.empty()) return usage_error(a.error);
  if (!a.positional.empty()) return usage_error("unexpected argument '" + a.positional[0] + "'");
  for (const char* flag : {"--method", "--bucket", "--key", "--region", "--access-key", "--secret-key", "--date", "--expires"}) {
    if (!a.flags.count(flag) || a.flags[flag].empty()) return usage_error(std::string("missing ") + flag);
  }
  const std::string method = a.flags["--method"];
  if (method != "GET" && method != "PUT") return usage_error("--method must be GET or PUT");
  auto when = cloud::storage::ParseAmzDate(a.flags["--date"]);
  if (!when) return usage_error("--date must look like 20130524T000000Z");
  auto expires = ParseUnsigned(a.flags["--expires"], 1, cloud::storage::kMaxPresignExpiresSeconds);
  if (!expires) return usage_error("--expires must be a whole number of seconds from 1 to 604800");
  cloud::storage::PresignInput in;
  in.method = method;
  in.region = a.flags["--region"];
  in.host = a.flags.count("--host") ? a.flags["--host"] : cloud::storage::BucketHost(a.flags["--bucket"], in.region);
  in.key = a.flags["--key"];
  in.access_key_id = a.flags["--access-key"];
  in.secret_access_key = a.flags["--secret-key"];
  in.epoch_us = *when;
  in.expires_seconds = static_cast<int64_t>(*expires);
  std::cout << cloud::storage::Presign(in).url << "\n";
  return kExitOk;
}

}  // namespace eventlab::cli
