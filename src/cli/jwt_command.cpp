// `eventlab jwt sign|verify|keygen`: the simulator's JWT code on the command line, so tokens can be
// made and checked by hand and against published examples.
#include <chrono>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cloud/auth/jwk.h"
#include "cloud/auth/jwt.h"
#include "cloud/auth/rsa_key.h"
#include "core/json_bounds.h"

namespace eventlab::cli {
namespace {

namespace auth = cloud::auth;
using core::Json;

constexpr const char* kUsage =
    "usage: eventlab jwt sign --alg HS256|RS256 (--secret TEXT | --jwk FILE | --pem FILE) --payload JSON\n"
    "                         [--kid KID]\n"
    "         prints a compact JWT: header {\"alg\",\"kid\"?,\"typ\":\"JWT\"}, the payload re-serialized\n"
    "       eventlab jwt verify --token T (--secret TEXT | --jwk FILE | --jwks FILE | --pem FILE)\n"
    "                           [--alg HS256|RS256[,...]] [--now EPOCH_SECONDS] [--leeway SECONDS]\n"
    "                           [--iss ISSUER] [--aud AUDIENCE] [--checks]\n"
    "         exit 0 and print {\"claims\":...,\"header\":...} if the token is valid; exit 1 and print\n"
    "         'CODE: message' to stderr if not. --alg defaults to the one the key type implies\n"
    "         (secret: HS256, RSA: RS256); --now to the current time; --leeway to 60. --checks prints\n"
    "         every check as JSON instead (exit code unchanged).\n"
    "       eventlab jwt keygen --seed N [--bits 2048] [--kid KID] [--public]\n"
    "         prints an RSA private JWK generated deterministically from the seed (--public: the\n"
    "         public JWK Set instead). Bits: a multiple of 128 from 512 to 4096.\n"
    "A --secret is used as raw bytes (HS256 needs at least 32). Exit codes: 0 valid/done,\n"
    "1 invalid token or key, 2 usage error.\n";

int UsageError(const std::string& why) {
  std::cerr << "eventlab jwt: " << why << "\n\n" << kUsage;
  return kExitUsage;
}

int Invalid(const core::Error& e) {
  std::cerr << e.code << ": " << e.message << "\n";
  return kExitInvalidInput;
}

/// The key source flags, exactly one of which must be given. `allowed` lists them.
struct KeyFlags {
  std::string flag, value;
};

std::optional<KeyFlags> OneKeyFlag(ParsedArgs& a, const std::vector<std::string>& allowed, std::string* error) {
  std::optional<KeyFlags> found;
  for (const std::string& f : allowed) {
    if (!a.flags.count(f)) continue;
    if (found) {
      *error = "give only one of " + found->flag + " and " + f;
      return std::nullopt;
    }
    found = KeyFlags{f, a.flags[f]};
  }
  if (!found) {
    std::string list;
    for (const std::string& f : allowed) list += (list.empty() ? "" : ", ") + f;
    *error = "a key is needed: one of " + list;
  }
  return found;
}

/// Loads the key(s) named by a key flag. --jwks gives several; the others one.
core::Result<std::vector<auth::Key>> LoadKeys(const KeyFlags& k) {
  if (k.flag == "--secret") return std::vector<auth::Key>{auth::SecretKey(k.value)};
  std::string text;
  if (!ReadFile(k.value, &text)) return core::Error{"InvalidKey", "cannot read " + k.value, 400};
  if (k.flag == "--jwks") return auth::KeysFromJwksText(text);
  auto key = k.flag == "--jwk" ? auth::KeyFromJwkText(text) : auth::KeyFromPem(text);
  if (!key.ok()) return key.error();
  return std::vector<auth::Key>{key.value()};
}

/// `args` without every occurrence of the value-less `flag`; *present tells whether there was one.
std::vector<std::string> WithoutSwitch(const std::vector<std::string>& args, const std::string& flag, bool* present) {
  std::vector<std::string> rest;
  for (const std::string& arg : args) {
    if (arg == flag) {
      *present = true;
    } else {
      rest.push_back(arg);
    }
  }
  return rest;
}

std::optional<int64_t> ParseSeconds(const std::string& text) {
  const bool negative = !text.empty() && text[0] == '-';
  auto v = ParseUnsigned(negative ? text.substr(1) : text, 0, static_cast<uint64_t>(INT64_MAX));
  if (!v) return std::nullopt;
  return negative ? -static_cast<int64_t>(*v) : static_cast<int64_t>(*v);
}

int Sign(const std::vector<std::string>& args) {
  ParsedArgs a = ParseArgs(args, {"--alg", "--secret", "--jwk", "--pem", "--payload", "--kid"});
  if (a.help) return std::cout << kUsage, kExitOk;
  if (!a.error.empty()) return UsageError(a.error);
  if (!a.positional.empty()) return UsageError("unexpected argument '" + a.positional[0] + "'");
  if (!a.flags.count("--alg")) return UsageError("missing --alg");
  auto alg = auth::ParseAlgorithm(a.flags["--alg"]);
  if (!alg) return UsageError("--alg must be HS256 or RS256");
  if (!a.flags.count("--payload")) return UsageError("missing --payload");
  std::string why;
  auto key_flag = OneKeyFlag(a, {"--secret", "--jwk", "--pem"}, &why);
  if (!key_flag) return UsageError(why);
  const Json claims = core::ParseBounded(a.flags["--payload"]);
  if (claims.is_discarded() || !claims.is_object()) {
    return Invalid({auth::kMalformedClaims, "--payload must be a JSON object", 400});
  }
  auto keys = LoadKeys(*key_flag);
  if (!keys.ok()) return Invalid(keys.error());
  auto token = auth::SignJwt(*alg, keys.value()[0], claims, a.flags.count("--kid") ? a.flags["--kid"] : "");
  if (!token.ok()) return Invalid(token.error());
  std::cout << token.value() << "\n";
  return kExitOk;
}

int Verify(const std::vector<std::string>& args) {
  // --checks is a switch; ParseArgs only knows flags with values, so take it out first.
  bool show_checks = false;
  ParsedArgs a = ParseArgs(WithoutSwitch(args, "--checks", &show_checks),
                           {"--token", "--secret", "--jwk", "--jwks", "--pem", "--alg", "--now", "--leeway", "--iss", "--aud"});
  if (a.help) return std::cout << kUsage, kExitOk;
  if (!a.error.empty()) return UsageError(a.error);
  if (!a.positional.empty()) return UsageError("unexpected argument '" + a.positional[0] + "'");
  if (!a.flags.count("--token")) return UsageError("missing --token");
  std::string why;
  auto key_flag = OneKeyFlag(a, {"--secret", "--jwk", "--jwks", "--pem"}, &why);
  if (!key_flag) return UsageError(why);
  auth::VerifyOptions options;
  // A person checking a token by hand means "now"; the simulator itself never reads this clock.
  options.now_s = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  if (a.flags.count("--alg")) {
    std::string list = a.flags["--alg"];
    for (size_t start = 0; start <= list.size();) {
      const size_t comma = std::min(list.find(',', start), list.size());
      auto alg = auth::ParseAlgorithm(list.substr(start, comma - start));
      if (!alg) return UsageError("--alg must be HS256, RS256 or a comma-separated list of them");
      options.algorithms.push_back(*alg);
      start = comma + 1;
    }
  }
  if (a.flags.count("--now")) {
    auto now = ParseSeconds(a.flags["--now"]);
    if (!now) return UsageError("--now must be a whole number of seconds since the Unix epoch");
    options.now_s = *now;
  }
  if (a.flags.count("--leeway")) {
    auto leeway = ParseUnsigned(a.flags["--leeway"], 0, 86400);
    if (!leeway) return UsageError("--leeway must be a whole number of seconds from 0 to 86400");
    options.leeway_s = static_cast<int64_t>(*leeway);
  }
  if (a.flags.count("--iss")) options.issuer = a.flags["--iss"];
  if (a.flags.count("--aud")) options.audience = a.flags["--aud"];
  auto keys = LoadKeys(*key_flag);
  if (!keys.ok()) return Invalid(keys.error());
  const std::string& token = a.flags["--token"];
  const auth::Verification v = key_flag->flag == "--jwks" ? auth::VerifyJwtWithKeys(token, keys.value(), options)
                                                          : auth::VerifyJwt(token, keys.value()[0], options);
  if (show_checks) std::cout << v.ToJson().dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  if (!v.ok) {
    std::cerr << v.code << ": " << v.message << "\n";
    return kExitInvalidInput;
  }
  if (!show_checks) {
    std::cout << Json{{"header", v.header}, {"claims", v.claims}}.dump(-1, ' ', false, Json::error_handler_t::replace)
              << "\n";
  }
  return kExitOk;
}

int Keygen(const std::vector<std::string>& args) {
  bool public_only = false;
  ParsedArgs a = ParseArgs(WithoutSwitch(args, "--public", &public_only), {"--seed", "--bits", "--kid"});
  if (a.help) return std::cout << kUsage, kExitOk;
  if (!a.error.empty()) return UsageError(a.error);
  if (!a.positional.empty()) return UsageError("unexpected argument '" + a.positional[0] + "'");
  if (!a.flags.count("--seed")) return UsageError("missing --seed");
  auto seed = ParseUnsigned(a.flags["--seed"], 0, UINT32_MAX);
  if (!seed) return UsageError("--seed must be a whole number from 0 to 4294967295");
  uint64_t bits = 2048;
  if (a.flags.count("--bits")) {
    auto b = ParseUnsigned(a.flags["--bits"], auth::kMinGeneratedRsaBits, auth::kMaxGeneratedRsaBits);
    if (!b || *b % 128 != 0) return UsageError("--bits must be a multiple of 128 from 512 to 4096");
    bits = *b;
  }
  core::Rng rng = core::Rng::ForComponent(static_cast<uint32_t>(*seed), "auth:keygen");
  auto key = auth::GenerateRsaKey(rng, static_cast<uint32_t>(bits), a.flags.count("--kid") ? a.flags["--kid"] : "");
  if (!key.ok()) return Invalid(key.error());
  if (public_only) {
    std::cout << core::DumpText(auth::PublicJwks({key.value()}).value(), 2) << "\n";
  } else {
    std::cout << core::DumpText(auth::PrivateJwk(key.value()), 2) << "\n";
  }
  return kExitOk;
}

}  // namespace

int JwtCommand(const std::vector<std::string>& args) {
  if (args.empty()) return UsageError("missing subcommand (sign, verify or keygen)");
  const std::string sub = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "sign") return Sign(rest);
  if (sub == "verify") return Verify(rest);
  if (sub == "keygen") return Keygen(rest);
  if (sub == "--help" || sub == "-h" || sub == "help") return std::cout << kUsage, kExitOk;
  return UsageError("unknown subcommand '" + sub + "'");
}

}  // namespace eventlab::cli
