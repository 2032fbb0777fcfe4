// General SigV4 query signing against AWS's own signing test suite (awslabs/aws-c-auth,
// tests/aws-signing-test-suite/v4/<case>/query-*.txt: the current generation, with
// X-Amz-Expires=3600, at commits b081db54, 71a25bde and 50624c26) and the S3 documentation's
// presigned-URL example ("Authenticating Requests: Using Query Parameters").
#include "cloud/storage/sigv4_query.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::storage {
namespace {

// The suite's context.json: AKIDEXAMPLE, region us-east-1, service "service", 2015-08-30T12:36:00Z.
SigV4QueryInput SuiteContext() {
  SigV4QueryInput in;
  in.method = "GET";
  in.path = "/";
  in.headers = {{"Host", "example.amazonaws.com"}};
  in.access_key_id = "AKIDEXAMPLE";
  in.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  in.region = "us-east-1";
  in.service = "service";
  in.epoch_s = 1440938160;  // 2015-08-30T12:36:00Z
  in.expires_seconds = 3600;
  return in;
}

TEST(SigV4QueryTest, GetVanillaQueryOrderKeyCase) {
  SigV4QueryInput in = SuiteContext();
  in.query = {{"Param2", "value2"}, {"Param1", "value1"}};
  const SigV4QueryOutput out = SignQuery(in);
  EXPECT_EQ(out.signature, "86012e2c9ad4d77369f5d81c11f75158aae4f895a085212cc6d3f923d300bed5");
  EXPECT_EQ(out.query_string.rfind("Param2=value2&Param1=value1&X-Amz-Algorithm=AWS4-HMAC-SHA256&", 0), 0u);
}

TEST(SigV4QueryTest, SessionTokenInTheCanonicalQuery) {
  SigV4QueryInput in = SuiteContext();
  in.session_token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
  EXPECT_EQ(SignQuery(in).signature, "7ff2b50b376cb4d151970630573d6291dc128cc5c2a12ffb237f73cc53f67b6c");
  // Left out of the canonical request, the token goes after the signature: get-vanilla's signature.
  in.omit_session_token = true;
  const SigV4QueryOutput omitted = SignQuery(in);
  EXPECT_EQ(omitted.signature, "e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d");
  EXPECT_NE(omitted.query_string.find("X-Amz-Signature=e93c787e"), std::string::npos);
  EXPECT_EQ(omitted.query_string.substr(omitted.query_string.size() - 86),
            "&X-Amz-Security-Token=6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267");
}

TEST(SigV4QueryTest, PostWithASignedBodyHash) {
  SigV4QueryInput in = SuiteContext();
  in.method = "POST";
  in.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Host", "example.amazonaws.com"}, {"Content-Length", "13"}};
  in.body = "Param1=value1";
  in.sign_body = true;
  const SigV4QueryOutput out = SignQuery(in);
  EXPECT_EQ(out.canonical_request,
            "POST\n/\n"
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&"
            "X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&"
            "X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bx-amz-content-sha256\n"
            "content-length:13\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
            "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n\n"
            "content-length;content-type;host;x-amz-content-sha256\n"
            "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
  EXPECT_EQ(out.string_to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "93ef6c9c66ebd13b0c6820c0464c78f8e1ab050af24494e5322cde3f7067e5ed");
  EXPECT_EQ(out.signature, "c2348f57d08c84939944d6c878b3f7be56316f8e7fd6817e81eded279a362d69");
}

TEST(SigV4QueryTest, ExtraSignedHeadersRepeatedAndTrimmed) {
  SigV4QueryInput dup = SuiteContext();
  dup.headers = {{"Host", "example.amazonaws.com"}, {"My-Header1", "value2"}, {"My-Header1", "value2"}, {"My-Header1", "value1"}};
  EXPECT_EQ(SignQuery(dup).signature, "3349ee0b81b4b589da0ff28a395c3591e04de515651dd74f298fa992d1507a97");
  SigV4QueryInput trim = SuiteContext();
  trim.headers = {{"Host", "example.amazonaws.com"}, {"My-Header1", " value1"}, {"My-Header2", " \"a   b   c\""}};
  const SigV4QueryOutput out = SignQuery(trim);
  EXPECT_NE(out.canonical_request.find("my-header2:\"a b c\"\n"), std::string::npos);
  EXPECT_EQ(out.signature, "e7bb0fd515e125e1aec2ecc4c0c17484fb06f6846b927c35e46005dd3df3acd4");
}

TEST(SigV4QueryTest, TheS3DocumentationExampleThroughTheGeneralSigner) {
  SigV4QueryInput in;
  in.method = "GET";
  in.path = "/test.txt";
  in.headers = {{"host", "examplebucket.s3.amazonaws.com"}};
  in.access_key_id = "AKIAIOSFODNN7EXAMPLE";
  in.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  in.region = "us-east-1";
  in.service = "s3";
  in.epoch_s = 1369353600;  // 20130524T000000Z
  in.expires_seconds = 86400;
  in.normalize = false;
  in.double_encode = false;
  in.signed_body_value = "UNSIGNED-PAYLOAD";
  EXPECT_EQ(SignQuery(in).signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
}

TEST(SigV4QueryTest, PathsAreNormalisedAndEncodedTwiceOutsideS3) {
  EXPECT_EQ(NormalizeSigV4Path("//example//"), "/example/");
  EXPECT_EQ(NormalizeSigV4Path("/example/.."), "/");
  EXPECT_EQ(NormalizeSigV4Path("/example1/example2/../.."), "/");
  EXPECT_EQ(NormalizeSigV4Path("/./example"), "/example");
  EXPECT_EQ(NormalizeSigV4Path("/a/b/../c"), "/a/c");
  SigV4QueryInput in = SuiteContext();
  in.path = "/example space/";
  EXPECT_NE(SignQuery(in).canonical_request.find("\n/example%20space/\n"), std::string::npos);
  in.path = "/%E1%88%B4";
  EXPECT_NE(SignQuery(in).canonical_request.find("\n/%25E1%2588%25B4\n"), std::string::npos);
}

}  // namespace
}  // namespace eventlab::cloud::storage
