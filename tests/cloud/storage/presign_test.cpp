// SigV4 query-string signing against AWS's published example (S3 API reference, "Authenticating
// Requests: Using Query Parameters (AWS Signature Version 4)"), and the checks S3 makes on use.
#include <gtest/gtest.h>

#include "cloud/storage/presign.h"

namespace eventlab::cloud::storage {
namespace {

PresignInput AwsExample() {
  PresignInput in;
  in.method = "GET";
  in.host = "examplebucket.s3.amazonaws.com";
  in.key = "test.txt";
  in.region = "us-east-1";
  in.access_key_id = "AKIAIOSFODNN7EXAMPLE";
  in.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  in.epoch_us = *ParseAmzDate("20130524T000000Z");
  in.expires_seconds = 86400;
  return in;
}

TEST(PresignTest, ReproducesAwsPublishedExample) {
  const Presigned p = Presign(AwsExample());
  EXPECT_EQ(p.canonical_request,
            "GET\n/test.txt\n"
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2F"
            "aws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n"
            "host:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD");
  EXPECT_EQ(Sha256Hex(p.canonical_request), "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04");
  EXPECT_EQ(p.string_to_sign,
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
            "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04");
  EXPECT_EQ(p.signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
  EXPECT_EQ(p.url,
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
            "AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires="
            "86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
}

TEST(PresignTest, Sha256MatchesTheEmptyStringVector) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(PresignTest, AmzDateRoundTripsAndRejectsBadDates) {
  EXPECT_EQ(AmzDate(*ParseAmzDate("20260101T235959Z")), "20260101T235959Z");
  EXPECT_FALSE(ParseAmzDate("2026-01-01T00:00:00Z"));
  EXPECT_FALSE(ParseAmzDate("20260230T000000Z"));
}

TEST(PresignTest, HostIsVirtualHostedStyle) {
  EXPECT_EQ(BucketHost("images", "us-east-1"), "images.s3.amazonaws.com");
  EXPECT_EQ(BucketHost("images", "eu-west-1"), "images.s3.eu-west-1.amazonaws.com");
}

ReceivedRequest Received(const Presigned& p, const PresignInput& in) {
  ReceivedRequest r;
  r.method = in.method;
  r.host = in.host;
  r.key = in.key;
  const std::string q = p.url.substr(p.url.find('?') + 1);
  for (size_t start = 0; start < q.size();) {
    size_t amp = q.find('&', start);
    if (amp == std::string::npos) amp = q.size();
    const std::string pair = q.substr(start, amp - start);
    const size_t eq = pair.find('=');
    std::string value = pair.substr(eq + 1);
    for (size_t i; (i = value.find("%2F")) != std::string::npos;) value.replace(i, 3, "/");
    r.query[pair.substr(0, eq)] = value;
    start = amp + 1;
  }
  return r;
}

TEST(PresignTest, VerificationAcceptsTheUrlAndRejectsEachTamperedPart) {
  const PresignInput in = AwsExample();
  const Presigned p = Presign(in);
  const ReceivedRequest good = Received(p, in);
  auto params = ParsePresignedParams(good, "us-east-1");
  ASSERT_TRUE(params.ok());
  EXPECT_TRUE(SignatureMatches(good, params.value(), in.secret_access_key));
  EXPECT_FALSE(SignatureMatches(good, params.value(), "another-secret"));
  auto tampered = [&](auto change) {
    ReceivedRequest r = good;
    change(r);
    auto pr = ParsePresignedParams(r, "us-east-1");
    return pr.ok() && !SignatureMatches(r, pr.value(), in.secret_access_key);
  };
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.method = "PUT"; }));
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.key = "test2.txt"; }));
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.host = "otherbucket.s3.amazonaws.com"; }));
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.query["X-Amz-Expires"] = "86401"; }));
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.query["X-Amz-Date"] = "20130524T000001Z"; }));
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.query["X-Amz-SignedHeaders"] = "host;x-amz-acl"; }));
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.query["X-Amz-Credential"] = "AKIAIOSFODNN7EXAMPLF/20130524/us-east-1/s3/aws4_request"; }));
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.query["X-Amz-Credential"] = "AKIAIOSFODNN7EXAMPLE/20130525/us-east-1/s3/aws4_request"; }));
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.query["X-Amz-Signature"][0] = 'b'; }));
  EXPECT_TRUE(tampered([](ReceivedRequest& r) { r.query["response-content-type"] = "text/html"; }));
}

TEST(PresignTest, ParameterErrorsAreS3AuthorizationQueryParametersErrors) {
  const PresignInput in = AwsExample();
  const ReceivedRequest good = Received(Presign(in), in);
  auto error = [&](auto change) {
    ReceivedRequest r = good;
    change(r);
    auto pr = ParsePresignedParams(r, "us-east-1");
    return pr.ok() ? core::Error{} : pr.error();
  };
  auto missing = error([](ReceivedRequest& r) { r.query.erase("X-Amz-Date"); });
  EXPECT_EQ(missing.code, "AuthorizationQueryParametersError");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.message,
            "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, "
            "X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
  EXPECT_EQ(error([](ReceivedRequest& r) { r.query["X-Amz-Expires"] = "604801"; }).message,
            "X-Amz-Expires must be less than a week (in seconds) that is 604800");
  EXPECT_TRUE(ParsePresignedParams([&] { ReceivedRequest r = good; r.query["X-Amz-Expires"] = "604800"; return r; }(), "us-east-1").ok());
  EXPECT_EQ(error([](ReceivedRequest& r) { r.query["X-Amz-Expires"] = "0"; }).code, "AuthorizationQueryParametersError");
  EXPECT_EQ(error([](ReceivedRequest& r) { r.query["X-Amz-Algorithm"] = "AWS4-HMAC-SHA1"; }).code,
            "AuthorizationQueryParametersError");
  EXPECT_EQ(error([](ReceivedRequest& r) { r.query["X-Amz-Credential"] = "AKIAIOSFODNN7EXAMPLE/20130524/eu-west-1/s3/aws4_request"; }).message,
            "Error parsing the X-Amz-Credential parameter; the region 'eu-west-1' is wrong; expecting 'us-east-1'");
}

TEST(PresignTest, ExpiryCountsWholeSecondsThroughTheLastOne) {
  PresignedParams p;
  p.signed_at_us = 1000000000;  // 1000 s
  p.expires_seconds = 60;
  EXPECT_FALSE(PresignExpired(p, 1060999999));
  EXPECT_TRUE(PresignExpired(p, 1061000000));
}

}  // namespace
}  // namespace eventlab::cloud::storage
