// Colours follow the service that handles the event ("queue.send" is the queue's colour), so a
// learner can tell at a glance which service is busy. The light theme uses darker tones of the
// same hues so they keep their contrast on white.
#include "view/palette.h"

#include <algorithm>
#include <cstdint>

namespace eventlab::view {

namespace {

struct Hue {
  const char* prefix;  ///< kind or event-kind prefix
  Rgba dark;
  Rgba light;
};

constexpr Rgba kError{0.94f, 0.27f, 0.27f, 1};
constexpr Rgba kErrorLight{0.80f, 0.10f, 0.10f, 1};

// Order matters: the first prefix that matches wins.
constexpr Hue kHues[] = {
    {"function", {0.98f, 0.62f, 0.20f, 1}, {0.85f, 0.45f, 0.05f, 1}},
    {"lambda", {0.98f, 0.62f, 0.20f, 1}, {0.85f, 0.45f, 0.05f, 1}},
    {"bucket", {0.35f, 0.80f, 0.42f, 1}, {0.13f, 0.55f, 0.20f, 1}},
    {"storage", {0.35f, 0.80f, 0.42f, 1}, {0.13f, 0.55f, 0.20f, 1}},
    {"s3", {0.35f, 0.80f, 0.42f, 1}, {0.13f, 0.55f, 0.20f, 1}},
    {"queue", {0.72f, 0.52f, 0.96f, 1}, {0.50f, 0.28f, 0.80f, 1}},
    {"sqs", {0.72f, 0.52f, 0.96f, 1}, {0.50f, 0.28f, 0.80f, 1}},
    {"topic", {0.96f, 0.45f, 0.70f, 1}, {0.80f, 0.20f, 0.50f, 1}},
    {"sns", {0.96f, 0.45f, 0.70f, 1}, {0.80f, 0.20f, 0.50f, 1}},
    {"stream", {0.98f, 0.85f, 0.30f, 1}, {0.70f, 0.55f, 0.00f, 1}},
    {"kinesis", {0.98f, 0.85f, 0.30f, 1}, {0.70f, 0.55f, 0.00f, 1}},
    {"mapping", {0.98f, 0.85f, 0.30f, 1}, {0.70f, 0.55f, 0.00f, 1}},
    {"table", {0.30f, 0.80f, 0.85f, 1}, {0.05f, 0.50f, 0.58f, 1}},
    {"dynamodb", {0.30f, 0.80f, 0.85f, 1}, {0.05f, 0.50f, 0.58f, 1}},
    {"index", {0.55f, 0.85f, 0.70f, 1}, {0.20f, 0.55f, 0.40f, 1}},
    {"search", {0.55f, 0.85f, 0.70f, 1}, {0.20f, 0.55f, 0.40f, 1}},
    {"api", {0.40f, 0.62f, 0.98f, 1}, {0.15f, 0.38f, 0.80f, 1}},
    {"route", {0.40f, 0.62f, 0.98f, 1}, {0.15f, 0.38f, 0.80f, 1}},
    {"http", {0.40f, 0.62f, 0.98f, 1}, {0.15f, 0.38f, 0.80f, 1}},
    {"websocket", {0.40f, 0.62f, 0.98f, 1}, {0.15f, 0.38f, 0.80f, 1}},
    {"identity", {0.95f, 0.52f, 0.42f, 1}, {0.78f, 0.28f, 0.18f, 1}},
    {"idp", {0.95f, 0.52f, 0.42f, 1}, {0.78f, 0.28f, 0.18f, 1}},
    {"jwt", {0.95f, 0.52f, 0.42f, 1}, {0.78f, 0.28f, 0.18f, 1}},
    {"secret", {0.88f, 0.76f, 0.52f, 1}, {0.60f, 0.45f, 0.15f, 1}},
    {"parameter", {0.88f, 0.76f, 0.52f, 1}, {0.60f, 0.45f, 0.15f, 1}},
    {"ssm", {0.88f, 0.76f, 0.52f, 1}, {0.60f, 0.45f, 0.15f, 1}},
    {"websocket", {0.45f, 0.75f, 0.98f, 1}, {0.10f, 0.45f, 0.75f, 1}},
    {"client", {0.75f, 0.78f, 0.84f, 1}, {0.35f, 0.38f, 0.45f, 1}},
};

constexpr Rgba kOther{0.65f, 0.68f, 0.74f, 1};
constexpr Rgba kOtherLight{0.40f, 0.42f, 0.48f, 1};

Rgba HueOf(const std::string& name, Theme theme) {
  for (const Hue& h : kHues) {
    const std::string prefix = h.prefix;
    if (name.compare(0, prefix.size(), prefix) == 0) return theme == Theme::kDark ? h.dark : h.light;
  }
  return theme == Theme::kDark ? kOther : kOtherLight;
}

}  // namespace

KindStyle StyleOfKind(const std::string& kind, Theme theme) {
  const Rgba c = HueOf(kind, theme);
  if (kind == "function") return {NodeShape::kHexagon, c, "λ"};
  if (kind == "bucket") return {NodeShape::kCylinder, c, "S3"};
  if (kind == "queue") return {NodeShape::kPill, c, "SQS"};
  if (kind == "topic") return {NodeShape::kCircle, c, "SNS"};
  if (kind == "stream") return {NodeShape::kPill, c, "KDS"};
  if (kind == "mapping") return {NodeShape::kTag, c, "ESM"};
  if (kind == "table") return {NodeShape::kCylinder, c, "DDB"};
  if (kind == "index" || kind == "search") return {NodeShape::kCylinder, c, "ES"};
  if (kind == "api") return {NodeShape::kDiamond, c, "API"};
  if (kind == "websocket" || kind == "websocket_api") return {NodeShape::kDiamond, c, "WS"};
  if (kind == "identity_provider") return {NodeShape::kRoundedBox, c, "IdP"};
  if (kind == "secret") return {NodeShape::kTag, c, "SM"};
  if (kind == "parameter") return {NodeShape::kTag, c, "SSM"};
  if (kind == "endpoint") return {NodeShape::kRoundedBox, c, "ext"};
  if (kind == "route") return {NodeShape::kTag, c, "/"};
  if (kind == "client") return {NodeShape::kRoundedBox, c, "web"};
  return {NodeShape::kRoundedBox, c, "?"};
}

Rgba EventColour(const std::string& event_kind, bool error, Theme theme) {
  if (error) return theme == Theme::kDark ? kError : kErrorLight;
  return HueOf(event_kind, theme);
}

unsigned int PackRgba(const Rgba& c) {
  auto byte = [](float v) { return static_cast<uint32_t>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
  return (byte(c.a) << 24) | (byte(c.b) << 16) | (byte(c.g) << 8) | byte(c.r);
}

}  // namespace eventlab::view
