// Secrets Manager and Parameter Store as a learner sees them: the real response shapes, staging
// labels moving on put and rotation, a scheduled rotation, exact-ARN permissions, not-found errors,
// SecureString decryption and the size limits.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_scenario.h"

namespace eventlab::cloud::secrets {
namespace {

using core::Json;
using eventlab::testing::LoadAndRun;

constexpr const char* kSecretArnPrefix = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

// A scenario with secret "key" (value v1...), SecureString parameter "/app/db/password", client
// "c" holding `grants`, and the scripted calls `script` (a JSON array's items).
std::string Scenario(const std::string& grants, const std::string& script, const std::string& secret_extra = "") {
  return R"({"version": 1, "resources": {
      "c": {"kind": "client", "permissions": )" + grants + R"(},
      "key": {"kind": "secret", "value": "v1-0123456789abcdefghijklmnopqrstuvwxyz")" + secret_extra + R"(},
      "db": {"kind": "parameter", "parameter_name": "/app/db/password", "type": "SecureString", "value": "hunter2-hunter2"},
      "plain": {"kind": "parameter", "value": "blue"}},
    "script": [)" + script + "]}";
}

const std::string kAll = R"([{"action": "secretsmanager:*", "resource": "*"}, {"action": "ssm:*", "resource": "*"}])";

std::string Call(const std::string& at, const std::string& action, const std::string& with, const std::string& as = "") {
  return R"({"at": ")" + at + R"(", "client": "c", "call": ")" + action + R"(", "with": )" + with +
         (as.empty() ? "" : R"(, "as": ")" + as + "\"") + "}";
}

// The replies of `kind` to the client, in order.
std::vector<const core::Event*> Replies(const api::Lab& lab, const std::string& kind) {
  std::vector<const core::Event*> out;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == kind && r.event.to == "client:c") out.push_back(&r.event);
  }
  return out;
}

TEST(SecretsServiceTest, GetSecretValueHasTheRealShapeAndTheCurrentVersion) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(kAll, Call("1s", "secrets.get_secret_value", R"({"secret": "key"})")));
  auto r = Replies(lab, "secrets.get_secret_value.result");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_FALSE(r[0]->error) << r[0]->error->message;
  const Json& p = r[0]->payload;
  EXPECT_EQ(p["Name"], "key");
  EXPECT_EQ(p["SecretString"], "v1-0123456789abcdefghijklmnopqrstuvwxyz");
  EXPECT_EQ(p["VersionStages"], Json::array({"AWSCURRENT"}));
  EXPECT_EQ(p["VersionId"].get<std::string>().size(), 36u);
  EXPECT_EQ(p["CreatedDate"], "2026-01-01T00:00:00.000Z");
  // name + "-" + six characters
  const std::string arn = p["ARN"];
  ASSERT_EQ(arn.rfind(std::string(kSecretArnPrefix) + "key-", 0), 0u) << arn;
  EXPECT_EQ(arn.size(), std::string(kSecretArnPrefix).size() + 4 + 6);
  EXPECT_EQ(lab.State()["resources"]["key"]["reads"], 1);
  EXPECT_EQ(lab.State()["resources"]["key"]["last_reader"], "client:c");
}

TEST(SecretsServiceTest, PutSecretValueMovesCurrentToPrevious) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(kAll, Call("1s", "secrets.get_secret_value", R"({"secret": "key"})") + "," +
                                     Call("2s", "secrets.put_secret_value", R"({"secret": "key", "secret_string": "v2"})") + "," +
                                     Call("3s", "secrets.get_secret_value", R"({"secret": "key"})") + "," +
                                     Call("4s", "secrets.get_secret_value", R"({"secret": "key", "version_stage": "AWSPREVIOUS"})")));
  auto put = Replies(lab, "secrets.put_secret_value.result");
  ASSERT_EQ(put.size(), 1u);
  EXPECT_EQ(put[0]->payload["VersionStages"], Json::array({"AWSCURRENT"}));
  auto get = Replies(lab, "secrets.get_secret_value.result");
  ASSERT_EQ(get.size(), 3u);
  EXPECT_EQ(get[1]->payload["SecretString"], "v2");
  EXPECT_EQ(get[1]->payload["VersionId"], put[0]->payload["VersionId"]);
  EXPECT_EQ(get[2]->payload["SecretString"], "v1-0123456789abcdefghijklmnopqrstuvwxyz");
  EXPECT_EQ(get[2]->payload["VersionId"], get[0]->payload["VersionId"]);
  EXPECT_EQ(get[2]->payload["VersionStages"], Json::array({"AWSPREVIOUS"}));
}

TEST(SecretsServiceTest, RotateSecretCreatesAGeneratedCurrentVersion) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(kAll, Call("1s", "secrets.rotate_secret", R"({"secret": "key"})") + "," +
                                     Call("2s", "secrets.get_secret_value", R"({"secret": "key"})") + "," +
                                     Call("3s", "secrets.get_secret_value", R"({"secret": "key", "version_stage": "AWSPREVIOUS"})") + "," +
                                     Call("4s", "secrets.get_secret_value", R"({"secret": "key", "version_stage": "AWSPENDING"})")));
  auto rot = Replies(lab, "secrets.rotate_secret.result");
  ASSERT_EQ(rot.size(), 1u);
  auto get = Replies(lab, "secrets.get_secret_value.result");
  ASSERT_EQ(get.size(), 3u);
  EXPECT_EQ(get[0]->payload["VersionId"], rot[0]->payload["VersionId"]);
  EXPECT_EQ(get[0]->payload["SecretString"].get<std::string>().size(), 32u);
  EXPECT_EQ(get[1]->payload["SecretString"], "v1-0123456789abcdefghijklmnopqrstuvwxyz");
  ASSERT_TRUE(get[2]->error);  // AWSPENDING was promoted: no version carries it now
  EXPECT_EQ(get[2]->error->code, "ResourceNotFoundException");
  EXPECT_EQ(lab.State()["resources"]["key"]["rotations"], 1);
}

TEST(SecretsServiceTest, VersionIdSelectsAVersionAndMustAgreeWithTheStage) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(kAll, Call("1s", "secrets.put_secret_value", R"({"secret": "key", "secret_string": "v2"})") + "," +
                                     Call("2s", "secrets.get_secret_value", R"({"secret": "key", "version_stage": "AWSPREVIOUS"})", "old") + "," +
                                     Call("3s", "secrets.get_secret_value", R"({"secret": "key", "version_id": "${old.VersionId}"})") + "," +
                                     Call("4s", "secrets.get_secret_value", R"({"secret": "key", "version_id": "${old.VersionId}", "version_stage": "AWSCURRENT"})") + "," +
                                     Call("5s", "secrets.get_secret_value", R"({"secret": "key", "version_id": "00000000-0000-4000-8000-000000000000"})")));
  auto get = Replies(lab, "secrets.get_secret_value.result");
  ASSERT_EQ(get.size(), 4u);
  ASSERT_FALSE(get[1]->error);
  EXPECT_EQ(get[1]->payload["VersionId"], get[0]->payload["VersionId"]);
  EXPECT_EQ(get[1]->payload["SecretString"], "v1-0123456789abcdefghijklmnopqrstuvwxyz");
  ASSERT_TRUE(get[2]->error);
  EXPECT_EQ(get[2]->error->code, "InvalidParameterException");
  ASSERT_TRUE(get[3]->error);
  EXPECT_EQ(get[3]->error->code, "ResourceNotFoundException");
  EXPECT_EQ(get[3]->error->message,
            "Secrets Manager can't find the specified secret value for VersionId: 00000000-0000-4000-8000-000000000000");
}

TEST(SecretsServiceTest, ScheduledRotationIsATimerThatStopsWhenTheRunIsDone) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(kAll, Call("25m", "secrets.get_secret_value", R"({"secret": "key"})"),
                           R"(, "rotation": {"every": "10m"})"));
  std::vector<int64_t> at;
  for (const auto& r : lab.Trace()) {
    if (r.event.kind == "secrets.rotation") {
      EXPECT_EQ(r.event.from, "secret:key");
      at.push_back(r.event.time.us);
    }
  }
  // 10m and 20m, then 30m (the read at 25m was still due); nothing after that keeps it going.
  EXPECT_EQ(at, (std::vector<int64_t>{600000000, 1200000000, 1800000000}));
  auto get = Replies(lab, "secrets.get_secret_value.result");
  ASSERT_EQ(get.size(), 1u);
  EXPECT_EQ(get[0]->payload["CreatedDate"], "2026-01-01T00:20:00.000Z");
  EXPECT_EQ(lab.State()["resources"]["key"]["rotations"], 3);
}

TEST(SecretsServiceTest, GrantsMatchTheExactArnWithItsSuffix) {
  for (const auto& [resource, allowed] : std::vector<std::pair<std::string, bool>>{
           {std::string(kSecretArnPrefix) + "key-*", true},
           {std::string(kSecretArnPrefix) + "key", false},
           {std::string(kSecretArnPrefix) + "other*", false}}) {
    api::Lab lab;
    LoadAndRun(lab, Scenario(R"([{"action": "secretsmanager:GetSecretValue", "resource": ")" + resource + R"("}])",
                             Call("1s", "secrets.get_secret_value", R"({"secret": "key"})")));
    auto r = Replies(lab, "secrets.get_secret_value.result");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(!r[0]->error, allowed) << resource;
    if (!allowed) {
      const std::string arn = lab.State()["resources"]["key"]["arn"];
      EXPECT_EQ(r[0]->error->code, "AccessDeniedException");
      EXPECT_EQ(r[0]->error->message,
                "User: arn:aws:iam::123456789012:user/c is not authorized to perform: secretsmanager:GetSecretValue on "
                "resource: " + arn + " because no identity-based policy allows the secretsmanager:GetSecretValue action");
    }
  }
}

TEST(SecretsServiceTest, TheArnNamesTheSecretAndAnUnknownOneIsNotFound) {
  api::Lab lab;
  lab.Load(Scenario(kAll, ""));
  const std::string arn = lab.State()["resources"]["key"]["arn"];
  api::Lab run;
  LoadAndRun(run, Scenario(kAll, Call("1s", "secrets.get_secret_value", R"({"secret": ")" + arn + R"("})") + "," +
                                     Call("2s", "secrets.get_secret_value", R"({"secret": "${concat('gho', 'st')}"})")));
  auto r = Replies(run, "secrets.get_secret_value.result");
  ASSERT_EQ(r.size(), 2u);
  ASSERT_FALSE(r[0]->error);
  EXPECT_EQ(r[0]->payload["Name"], "key");
  ASSERT_TRUE(r[1]->error);
  EXPECT_EQ(r[1]->error->code, "ResourceNotFoundException");
  EXPECT_EQ(r[1]->error->message, "Secrets Manager can't find the specified secret.");
  EXPECT_EQ(r[1]->error->status, 400);
}

TEST(SecretsServiceTest, SecretStringOverTheLimitIsRefused) {
  api::Lab lab;
  const std::string at_limit(65536, 'a'), over(65537, 'a');
  LoadAndRun(lab, Scenario(kAll, Call("1s", "secrets.put_secret_value", R"({"secret": "key", "secret_string": ")" + at_limit + R"("})") +
                                     "," + Call("2s", "secrets.put_secret_value", R"({"secret": "key", "secret_string": ")" + over + R"("})")));
  auto r = Replies(lab, "secrets.put_secret_value.result");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_FALSE(r[0]->error);
  ASSERT_TRUE(r[1]->error);
  EXPECT_EQ(r[1]->error->code, "ValidationException");
  EXPECT_NE(r[1]->error->message.find("65536"), std::string::npos);
}

TEST(ParameterServiceTest, SecureStringIsCiphertextUnlessDecrypted) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(kAll, Call("1s", "ssm.get_parameter", R"({"name": "/app/db/password"})") + "," +
                                     Call("2s", "ssm.get_parameter", R"({"name": "/app/db/password", "with_decryption": true})")));
  auto r = Replies(lab, "ssm.get_parameter.result");
  ASSERT_EQ(r.size(), 2u);
  const Json& raw = r[0]->payload["Parameter"];
  const Json& plain = r[1]->payload["Parameter"];
  EXPECT_EQ(raw["Value"].get<std::string>().rfind("AQICAH", 0), 0u);
  EXPECT_NE(raw["Value"], "hunter2-hunter2");
  EXPECT_EQ(plain["Value"], "hunter2-hunter2");
  EXPECT_EQ(plain["Name"], "/app/db/password");
  EXPECT_EQ(plain["Type"], "SecureString");
  EXPECT_EQ(plain["Version"], 1);
  EXPECT_EQ(plain["DataType"], "text");
  EXPECT_EQ(plain["ARN"], "arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password");
  EXPECT_EQ(plain["LastModifiedDate"], "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(lab.State()["resources"]["db"]["value"], "***********ter2");  // masked in the panel
}

TEST(ParameterServiceTest, UnknownParameterIsParameterNotFound) {
  api::Lab lab;
  LoadAndRun(lab, Scenario(kAll, Call("1s", "ssm.get_parameter", R"({"name": "/app/nope"})")));
  auto r = Replies(lab, "ssm.get_parameter.result");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_TRUE(r[0]->error);
  EXPECT_EQ(r[0]->error->code, "ParameterNotFound");
  EXPECT_EQ(r[0]->error->status, 400);
  EXPECT_EQ(r[0]->from, "parameter:/app/nope");
}

TEST(ParameterServiceTest, PutParameterNeedsOverwriteAndKeepsTheStandardLimit) {
  api::Lab lab;
  const std::string at_limit(4096, 'x'), over(4097, 'x');
  LoadAndRun(lab, Scenario(kAll, Call("1s", "ssm.put_parameter", R"({"name": "plain", "value": "green"})") + "," +
                                     Call("2s", "ssm.put_parameter", R"({"name": "plain", "value": "green", "overwrite": true})") + "," +
                                     Call("3s", "ssm.put_parameter", R"({"name": "plain", "value": ")" + over + R"(", "overwrite": true})") + "," +
                                     Call("4s", "ssm.put_parameter", R"({"name": "plain", "value": ")" + at_limit + R"(", "overwrite": true})") + "," +
                                     Call("5s", "ssm.get_parameter", R"({"name": "plain"})")));
  auto put = Replies(lab, "ssm.put_parameter.result");
  ASSERT_EQ(put.size(), 4u);
  ASSERT_TRUE(put[0]->error);
  EXPECT_EQ(put[0]->error->code, "ParameterAlreadyExists");
  ASSERT_FALSE(put[1]->error);
  EXPECT_EQ(put[1]->payload, (Json{{"Version", 2}, {"Tier", "Standard"}}));
  ASSERT_TRUE(put[2]->error);
  EXPECT_EQ(put[2]->error->code, "ValidationException");
  EXPECT_EQ(put[2]->error->message.rfind("Standard tier parameters support a maximum parameter value of 4096 characters", 0), 0u);
  ASSERT_FALSE(put[3]->error);
  EXPECT_EQ(put[3]->payload["Version"], 3);
  auto get = Replies(lab, "ssm.get_parameter.result");
  ASSERT_EQ(get.size(), 1u);
  EXPECT_EQ(get[0]->payload["Parameter"]["Version"], 3);
  EXPECT_EQ(get[0]->payload["Parameter"]["Value"], at_limit);
  EXPECT_EQ(get[0]->payload["Parameter"]["ARN"], "arn:aws:ssm:us-east-1:123456789012:parameter/plain");
}

TEST(ParameterServiceTest, GetParameterIsCheckedOnTheParameterArn) {
  for (const auto& [resource, allowed] : std::vector<std::pair<std::string, bool>>{
           {"arn:aws:ssm:us-east-1:123456789012:parameter/app/db/*", true},
           {"arn:aws:ssm:us-east-1:123456789012:parameter//app/db/*", false},
           {"arn:aws:ssm:us-east-1:123456789012:parameter/app/other", false}}) {
    api::Lab lab;
    LoadAndRun(lab, Scenario(R"([{"action": "ssm:GetParameter", "resource": ")" + resource + R"("}])",
                             Call("1s", "ssm.get_parameter", R"({"name": "/app/db/password", "with_decryption": true})")));
    auto r = Replies(lab, "ssm.get_parameter.result");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(!r[0]->error, allowed) << resource;
    if (!allowed) {
      EXPECT_EQ(r[0]->error->code, "AccessDeniedException");
      EXPECT_NE(r[0]->error->message.find("ssm:GetParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password"),
                std::string::npos);
    }
  }
}

TEST(SecretsLoaderTest, BadSecretsAndParametersNameTheirPath) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"kind": "secret"})", "/resources/x"},
      {R"({"kind": "secret", "value": "v", "rotation": {"every": "0s"}})", "/resources/x/rotation/every"},
      {R"({"kind": "secret", "value": "v", "rotation": {"each": "1h"}})", "/resources/x/rotation/each"},
      {R"({"kind": "parameter", "value": "v", "type": "Secure"})", "/resources/x/type"},
      {R"({"kind": "parameter", "value": "v", "parameter_name": "app/db"})", "/resources/x/parameter_name"},
      {R"({"kind": "parameter", "value": "v", "parameter_name": "/aws/x"})", "/resources/x/parameter_name"},
      {R"({"kind": "parameter", "value": "v", "tier": "Advanced"})", "/resources/x/tier"}};
  for (const auto& [resource, path] : cases) {
    api::Lab lab;
    auto errors = lab.Load(R"({"version": 1, "resources": {"x": )" + resource + "}}");
    ASSERT_FALSE(errors.empty()) << resource;
    EXPECT_EQ(errors[0].path, path) << resource << ": " << errors[0].Text();
  }
}

}  // namespace
}  // namespace eventlab::cloud::secrets
