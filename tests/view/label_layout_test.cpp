// Label placement: labels never overlap each other or any shape, sit outside their own node, are
// shortened only when there is no room, and come out the same every time.
#include "view/label_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "support/run_scenario.h"
#include "view/graph_scene.h"
#include "view/node_counters.h"

namespace eventlab::view {
namespace {

// A fixed-width font: 8 px per character at size 16, scaled; UTF-8 continuation bytes are free.
LabelStyle FixedStyle(float font_size = 16) {
  LabelStyle s;
  s.measure = [font_size](std::string_view text) {
    float chars = 0;
    for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 1;
    return chars * 8 * font_size / 16;
  };
  s.line_height = font_size * 1.15f;
  return s;
}

struct Case {
  std::vector<std::string> addresses, names, counters;
  std::vector<ScreenRect> shapes;
  std::vector<LabelInput> Inputs() const {
    std::vector<LabelInput> in;
    for (size_t i = 0; i < names.size(); ++i) in.push_back({addresses[i], shapes[i], names[i], counters[i]});
    return in;
  }
  void Add(std::string name, ScreenRect shape, std::string counter = "") {
    addresses.push_back("node:" + name);
    names.push_back(std::move(name));
    counters.push_back(std::move(counter));
    shapes.push_back(shape);
  }
};

std::string Describe(const ScreenRect& r) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "[%.2f,%.2f]-[%.2f,%.2f]", r.x0, r.y0, r.x1, r.y1);
  return buf;
}

// The guarantees that hold for any input.
void ExpectNoOverlaps(const Case& c, const std::vector<PlacedLabel>& out, const std::string& what) {
  ASSERT_EQ(out.size(), c.names.size()) << what;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].hidden) continue;
    EXPECT_GT(out[i].rect.Width(), 0) << what << " " << c.names[i];
    for (size_t j = 0; j < out.size(); ++j) {
      EXPECT_FALSE(out[i].rect.Overlaps(c.shapes[j]))
          << what << ": label of " << c.names[i] << " " << Describe(out[i].rect) << " covers the shape of " << c.names[j];
      if (j > i && !out[j].hidden) {
        EXPECT_FALSE(out[i].rect.Overlaps(out[j].rect))
            << what << ": labels of " << c.names[i] << " and " << c.names[j] << " overlap";
      }
    }
  }
}

TEST(ElideToWidth, KeepsALineThatFitsAndCutsOneThatDoesNot) {
  const LabelStyle s = FixedStyle();
  EXPECT_EQ(ElideToWidth("uploads", 56, s.measure), "uploads");
  EXPECT_EQ(ElideToWidth("create-upload-url", 80, s.measure), "create-...");  // 7 characters and the dots: 80 px
  EXPECT_LE(s.measure(ElideToWidth("create-upload-url", 80, s.measure)), 80);
  EXPECT_EQ(ElideToWidth("0 documents", 40, s.measure), "0...");  // the space before the dots goes
  EXPECT_EQ(ElideToWidth("abc", 10, s.measure), "");
}

TEST(ElideToWidth, CutsOnCharacterBoundaries) {
  const LabelStyle s = FixedStyle();
  const std::string cut = ElideToWidth("caf\xc3\xa9s-\xc3\xa9t\xc3\xa9", 48, s.measure);  // "cafés-été"
  EXPECT_EQ(cut, "caf...");
  EXPECT_EQ(ElideToWidth("caf\xc3\xa9s-\xc3\xa9t\xc3\xa9", 56, s.measure), "caf\xc3\xa9...");
}

TEST(LabelLayout, SpreadOutNodesGetTheirWholeNameBelowTheShape) {
  Case c;
  c.Add("create-upload-url", {100, 100, 250, 154}, "0 warm, 0 busy");
  c.Add("uploads", {400, 100, 550, 154}, "3 objects");
  std::vector<PlacedLabel> out;
  const LabelStyle s = FixedStyle();
  PlaceLabels({0, 0, 800, 600}, c.Inputs(), s, &out);
  ExpectNoOverlaps(c, out, "spread");
  for (size_t i = 0; i < out.size(); ++i) {
    EXPECT_FALSE(out[i].elided);
    EXPECT_FALSE(out[i].hidden);
    EXPECT_EQ(out[i].name, c.names[i]);
    EXPECT_EQ(out[i].counter, c.counters[i]);
    EXPECT_FLOAT_EQ(out[i].rect.y0, c.shapes[i].y1 + s.gap);
    EXPECT_FLOAT_EQ(out[i].rect.x0 + out[i].rect.x1, c.shapes[i].x0 + c.shapes[i].x1);  // centred
    EXPECT_FLOAT_EQ(out[i].rect.Height(), 2 * s.line_height);
  }
}

TEST(LabelLayout, ALabelGoesAboveThenBesideWhenThereIsNoRoomBelow) {
  Case c;
  c.Add("top", {100, 100, 160, 120});
  c.Add("under", {60, 124, 200, 160});  // right under "top": no room for a line between them
  c.Add("floor", {0, 162, 400, 200});   // and right under "under"
  std::vector<PlacedLabel> out;
  PlaceLabels({0, 0, 400, 400}, c.Inputs(), FixedStyle(), &out);
  ExpectNoOverlaps(c, out, "above");
  for (const PlacedLabel& p : out) EXPECT_FALSE(p.elided || p.hidden) << p.name;
  EXPECT_LE(out[0].rect.y1, c.shapes[0].y0);  // above
  EXPECT_GE(out[1].rect.x0, c.shapes[1].x1);  // to the right
  EXPECT_GE(out[2].rect.y0, c.shapes[2].y1);  // below
}

TEST(LabelLayout, ShortensOnlyWhenNoCandidateHasRoom) {
  // A row of small shapes 70 px apart with 18-character names (144 px), on a canvas with room for
  // one line under them and none above: five whole names cannot fit in 360 px.
  Case c;
  for (int i = 0; i < 5; ++i) c.Add("create-upload-url" + std::to_string(i), {i * 70.0f + 10, 100, i * 70.0f + 60, 116});
  std::vector<PlacedLabel> out;
  const LabelStyle s = FixedStyle();
  PlaceLabels({0, 96, 360, 140}, c.Inputs(), s, &out);
  ExpectNoOverlaps(c, out, "row");
  int whole = 0, shortened = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    const PlacedLabel& p = out[i];
    if (p.hidden) continue;
    if (!p.elided) {
      EXPECT_EQ(p.name, c.names[i]);
      ++whole;
      continue;
    }
    EXPECT_TRUE(p.name.ends_with("...")) << p.name;
    EXPECT_GE(p.name.size(), 4u + 3u) << p.name;  // at least min_chars characters are kept
    EXPECT_EQ(c.names[i].rfind(p.name.substr(0, p.name.size() - 3), 0), 0u) << p.name;
    ++shortened;
  }
  EXPECT_LE(whole, 2);
  EXPECT_EQ(whole + shortened + std::count_if(out.begin(), out.end(), [](const PlacedLabel& p) { return p.hidden; }), 5);

  // One node on a narrow canvas: shortened at the candidate with the most room (below, 120 px
  // wide), keeping as many characters as fit there.
  Case narrow;
  narrow.Add("create-upload-url", {35, 100, 85, 116}, "0 warm, 0 busy");
  PlaceLabels({0, 60, 120, 160}, narrow.Inputs(), s, &out);
  ASSERT_FALSE(out[0].hidden);
  EXPECT_TRUE(out[0].elided);
  EXPECT_EQ(out[0].name, "create-uploa...");  // 12 characters and the dots: 120 px
  EXPECT_EQ(out[0].counter, "0 warm, 0 busy");  // fits as it is
  EXPECT_FLOAT_EQ(out[0].rect.y0, 116 + s.gap);
  // The same names with room to spare are not shortened.
  Case wide;
  for (int i = 0; i < 5; ++i) wide.Add("create-upload-url" + std::to_string(i), {i * 200.0f + 10, 100, i * 200.0f + 60, 116});
  PlaceLabels({0, 0, 1200, 400}, wide.Inputs(), s, &out);
  for (const PlacedLabel& p : out) EXPECT_FALSE(p.elided || p.hidden) << p.name;
}

TEST(LabelLayout, DenseGridsNeverOverlapAndAreDeterministic) {
  for (float spacing : {30.0f, 45.0f, 60.0f, 90.0f, 140.0f}) {
    for (float font : {10.0f, 16.0f, 26.0f}) {
      Case c;
      for (int row = 0; row < 7; ++row) {
        for (int col = 0; col < 8; ++col) {
          const float x = 20 + col * spacing * 1.6f, y = 20 + row * spacing;
          c.Add("node-" + std::to_string(row) + "-" + std::to_string(col) + (col % 2 ? "-long-name" : ""),
                {x, y, x + spacing * 0.8f, y + spacing * 0.35f}, row % 3 ? "12 messages" : "");
        }
      }
      const LabelStyle s = FixedStyle(font);
      const ScreenRect canvas{0, 0, 20 + 8 * spacing * 1.6f, 20 + 7 * spacing + 20};
      std::vector<PlacedLabel> first, second;
      PlaceLabels(canvas, c.Inputs(), s, &first);
      const std::string what = "spacing " + std::to_string(spacing) + " font " + std::to_string(font);
      ExpectNoOverlaps(c, first, what);
      PlaceLabels(canvas, c.Inputs(), s, &second);
      for (size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].name, second[i].name);
        EXPECT_EQ(first[i].rect.x0, second[i].rect.x0);
        EXPECT_EQ(first[i].rect.y0, second[i].rect.y0);
      }
      // Reversed input order: the same label for each node, since nodes are placed by address.
      Case reversed;
      for (size_t i = c.names.size(); i-- > 0;) {
        reversed.addresses.push_back(c.addresses[i]);
        reversed.names.push_back(c.names[i]);
        reversed.counters.push_back(c.counters[i]);
        reversed.shapes.push_back(c.shapes[i]);
      }
      std::vector<PlacedLabel> third;
      PlaceLabels(canvas, reversed.Inputs(), s, &third);
      for (size_t i = 0; i < first.size(); ++i) {
        const PlacedLabel& r = third[first.size() - 1 - i];
        EXPECT_EQ(first[i].name, r.name) << what;
        EXPECT_EQ(first[i].hidden, r.hidden) << what;
        EXPECT_EQ(first[i].rect.x0, r.rect.x0) << what;
      }
    }
  }
}

TEST(LabelLayout, NodesPackedCloserThanTheirLabelsAndOverlappingShapes) {
  Case c;
  // Touching shapes, shapes on top of each other (a node dragged onto another), and a shape
  // partly off the canvas.
  for (int i = 0; i < 12; ++i) c.Add("packed-node-" + std::to_string(i), {i * 30.0f, 50, i * 30.0f + 30, 70}, "3 records done");
  c.Add("stacked-a", {100, 100, 180, 130});
  c.Add("stacked-b", {110, 105, 190, 135});
  c.Add("edge", {-40, 200, 20, 220}, "1 shard");
  std::vector<PlacedLabel> out;
  PlaceLabels({0, 0, 320, 240}, c.Inputs(), FixedStyle(), &out);
  ExpectNoOverlaps(c, out, "packed");
  for (const PlacedLabel& p : out) {
    if (p.hidden) {
      EXPECT_EQ(p.rect.Width(), 0);
    }
  }
}

TEST(LabelLayout, PlacedLabelsStayInsideTheCanvas) {
  Case c;
  c.Add("corner", {0, 0, 50, 20}, "2 items");
  c.Add("far-corner", {350, 280, 400, 300});
  std::vector<PlacedLabel> out;
  const ScreenRect canvas{0, 0, 400, 300};
  PlaceLabels(canvas, c.Inputs(), FixedStyle(), &out);
  ExpectNoOverlaps(c, out, "corners");
  for (const PlacedLabel& p : out) {
    ASSERT_FALSE(p.hidden);
    EXPECT_TRUE(canvas.Contains(p.rect)) << p.name << " " << Describe(p.rect);
  }
}

// Every shipped scenario, laid out as the graph does, at several zooms and font sizes, on a canvas
// that fits the layout and on a small embed.
TEST(LabelLayout, EveryShippedScenarioAtSeveralZooms) {
  for (const char* file : {"hello.json", "image-upload.json", "order-queues.json", "fan-out.json", "streams.json",
                           "search-sync.json", "auth-rs256.json", "live-notifications.json", "secrets.json",
                           "token-storage.json"}) {
    api::Lab lab;
    testing::LoadAndRun(lab, testing::ReadSourceFile(std::string("web/scenarios/") + file));
    const auto& arch = lab.Architecture();
    const core::Json resources = lab.State()["resources"];
    const GraphLayout layout = LayOut(arch);
    const Bounds b = LayoutBounds(layout.centers);
    Case c;
    for (const auto& n : arch.nodes) {
      c.addresses.push_back(n.address);
      c.names.push_back(n.name);
      c.counters.push_back(resources.contains(n.name) ? NodeCounter(n.kind, resources[n.name]) : "");
    }
    for (float zoom : {0.3f, 0.5f, 0.8f, 1.0f, 1.6f}) {
      for (float font : {13.0f, 26.0f}) {  // device pixel ratio 1 and 2
        for (bool embed : {false, true}) {
          const float pad = 80;
          const ScreenRect canvas = embed ? ScreenRect{0, 0, 480, 320}
                                          : ScreenRect{0, 0, (b.max.x - b.min.x) * zoom + 2 * pad, (b.max.y - b.min.y) * zoom + 2 * pad};
          c.shapes.clear();
          for (const auto& n : arch.nodes) {
            const Vec2 w = layout.centers.at(n.address), half = NodeHalfSize(n.kind);
            const Vec2 at{(w.x - b.min.x) * zoom + pad, (w.y - b.min.y) * zoom + pad};
            c.shapes.push_back(RectAround(at, {half.x * zoom, half.y * zoom}));
          }
          std::vector<PlacedLabel> out, again;
          const LabelStyle s = FixedStyle(font);
          PlaceLabels(canvas, c.Inputs(), s, &out);
          const std::string what = std::string(file) + " zoom " + std::to_string(zoom) + " font " + std::to_string(font) +
                                   (embed ? " embed" : "");
          ExpectNoOverlaps(c, out, what);
          PlaceLabels(canvas, c.Inputs(), s, &again);
          for (size_t i = 0; i < out.size(); ++i) {
            EXPECT_EQ(out[i].name, again[i].name) << what;
            EXPECT_EQ(out[i].rect.y0, again[i].rect.y0) << what;
            if (!out[i].hidden) {
              EXPECT_TRUE(canvas.Contains(out[i].rect)) << what << " " << c.names[i];
            }
          }
          if (zoom >= 1.0f && font == 13.0f && !embed) {
            // Zoomed in at a normal font size there is room for every name in full.
            for (size_t i = 0; i < out.size(); ++i) {
              EXPECT_FALSE(out[i].hidden) << what << " " << c.names[i];
              EXPECT_EQ(out[i].name, c.names[i]) << what;
            }
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace eventlab::view
