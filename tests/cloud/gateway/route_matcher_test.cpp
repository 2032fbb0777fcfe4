// Route selection: path variables, greedy variables, ANY, $default and literal-over-variable.
#include "cloud/gateway/route_matcher.h"

#include <gtest/gtest.h>

namespace eventlab::cloud::gateway {
namespace {

std::vector<Route> Routes(std::initializer_list<std::pair<std::string, std::string>> list) {
  std::vector<Route> out;
  for (const auto& [key, fn] : list) {
    Route r;
    r.key = key;
    r.function = fn;
    if (key != "$default") {
      r.method = key.substr(0, key.find(' '));
      r.path = key.substr(key.find(' ') + 1);
    }
    out.push_back(r);
  }
  return out;
}

TEST(RouteMatcherTest, BindsPathVariablesDecoded) {
  auto routes = Routes({{"GET /images/{id}/tags/{tag}", "f"}});
  auto m = MatchRoute(routes, "GET", "/images/42/tags/blue%20sky");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->route->function, "f");
  EXPECT_EQ(m->path_parameters.at("id"), "42");
  EXPECT_EQ(m->path_parameters.at("tag"), "blue sky");
  EXPECT_FALSE(MatchRoute(routes, "GET", "/images/42"));
  EXPECT_FALSE(MatchRoute(routes, "POST", "/images/42/tags/x"));
}

TEST(RouteMatcherTest, GreedyVariableTakesTheRestButNeedsOnePart) {
  auto routes = Routes({{"ANY /files/{proxy+}", "f"}});
  auto m = MatchRoute(routes, "DELETE", "/files/a/b/c.txt");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->path_parameters.at("proxy"), "a/b/c.txt");
  EXPECT_FALSE(MatchRoute(routes, "GET", "/files"));
}

TEST(RouteMatcherTest, LiteralBeatsVariableBeatsGreedyWhateverTheOrder) {
  auto routes = Routes({{"ANY /{proxy+}", "greedy"}, {"GET /images/{id}", "param"}, {"GET /images/new", "literal"}});
  EXPECT_EQ(MatchRoute(routes, "GET", "/images/new")->route->function, "literal");
  EXPECT_EQ(MatchRoute(routes, "GET", "/images/7")->route->function, "param");
  EXPECT_EQ(MatchRoute(routes, "GET", "/other/7")->route->function, "greedy");
  EXPECT_EQ(MatchRoute(routes, "POST", "/images/7")->route->function, "greedy");
}

TEST(RouteMatcherTest, NamedMethodBeatsAnyOnTheSamePath) {
  auto routes = Routes({{"ANY /items", "any"}, {"POST /items", "post"}});
  EXPECT_EQ(MatchRoute(routes, "POST", "/items")->route->function, "post");
  EXPECT_EQ(MatchRoute(routes, "PUT", "/items")->route->function, "any");
}

TEST(RouteMatcherTest, DefaultCatchesWhatNothingElseMatches) {
  auto routes = Routes({{"$default", "fallback"}, {"GET /", "root"}});
  EXPECT_EQ(MatchRoute(routes, "GET", "/")->route->function, "root");
  auto m = MatchRoute(routes, "PATCH", "/x/y");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->route->function, "fallback");
  EXPECT_TRUE(m->path_parameters.empty());
}

TEST(RouteMatcherTest, TemplateChecksAndConflicts) {
  EXPECT_EQ(CheckPathTemplate("/images/{id}"), "");
  EXPECT_EQ(CheckPathTemplate("/"), "");
  EXPECT_NE(CheckPathTemplate("images"), "");
  EXPECT_NE(CheckPathTemplate("/a//b"), "");
  EXPECT_NE(CheckPathTemplate("/{proxy+}/x"), "");
  EXPECT_NE(CheckPathTemplate("/{}"), "");
  EXPECT_NE(CheckPathTemplate("/a{b}"), "");
  EXPECT_NE(TemplatesConflict("/a/{x}", "/a/{y}"), "");
  EXPECT_NE(TemplatesConflict("/a/{x}/b", "/a/{proxy+}"), "");
  EXPECT_EQ(TemplatesConflict("/a/{x}", "/a/{x}/b"), "");
  EXPECT_EQ(TemplatesConflict("/a/{x}", "/b/{y}"), "");
  EXPECT_EQ(TemplatesConflict("/a/new", "/a/{y}"), "");
}

}  // namespace
}  // namespace eventlab::cloud::gateway
