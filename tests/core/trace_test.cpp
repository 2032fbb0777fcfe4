// The trace line format: fixed key order, integers, nulls, and the error object.
#include "core/trace.h"

#include <gtest/gtest.h>

namespace eventlab::core {
namespace {

TEST(TraceTest, LineHasTheDocumentedKeysInOrder) {
  TraceRecord r;
  r.seq = 3;
  r.event.id = 9;
  r.event.time = SimTime{1500};
  r.event.parent = 4;
  r.event.from = "client:alice";
  r.event.to = "queue:jobs";
  r.event.kind = "queue.send";
  r.event.payload = Json{{"z", 1}, {"a", "x\"y"}};
  EXPECT_EQ(TraceLine(r),
            "{\"seq\":3,\"time_us\":1500,\"id\":9,\"parent\":4,\"reply_to\":null,\"from\":\"client:alice\","
            "\"to\":\"queue:jobs\",\"kind\":\"queue.send\",\"payload\":{\"a\":\"x\\\"y\",\"z\":1},\"error\":null}");
}

TEST(TraceTest, ErrorObjectHasCodeMessageStatus) {
  TraceRecord r;
  r.seq = 1;
  r.event.id = 2;
  r.event.reply_to = 1;
  r.event.error = Error{"NoSuchKey", "The specified key does not exist.", 404};
  const std::string line = TraceLine(r);
  EXPECT_NE(line.find("\"reply_to\":1,"), std::string::npos);
  EXPECT_NE(line.find("\"payload\":null,\"error\":{\"code\":\"NoSuchKey\",\"message\":\"The specified key does not exist.\",\"status\":404}}"),
            std::string::npos);
}

TEST(TraceTest, JsonFormHasTheSameFields) {
  TraceRecord r;
  r.seq = 1;
  r.event.id = 1;
  const Json j = TraceJson(r);
  for (const char* key : {"seq", "time_us", "id", "parent", "reply_to", "from", "to", "kind", "payload", "error"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j.size(), 10u);
}

}  // namespace
}  // namespace eventlab::core
