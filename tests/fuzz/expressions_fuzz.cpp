// DynamoDB expressions on arbitrary text: a condition and an update expression, with a fixed set
// of placeholders, evaluated and applied to a small item when they parse.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cloud/tables/expressions.h"

namespace tables = eventlab::cloud::tables;
using eventlab::core::Json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  static const Json names = {{"#n", "name"}, {"#c", "count"}, {"#l", "list"}};
  static const Json values = {{":s", {{"S", "x"}}}, {":n", {{"N", "5"}}}, {":l", {{"L", Json::array({{{"N", "1"}}})}}},
                              {":b", {{"BOOL", true}}}};
  const Json item = {{"id", {{"S", "a"}}}, {"name", {{"S", "x"}}}, {"count", {{"N", "3"}}},
                     {"list", {{"L", Json::array({{{"S", "p"}}, {{"N", "2"}}})}}}, {"map", {{"M", {{"k", {{"S", "v"}}}}}}}};
  tables::Placeholders ph{&names, &values};
  if (auto c = tables::ParseCondition(text, "ConditionExpression", ph); c.ok()) (void)tables::Evaluate(*c.value(), item);
  tables::Placeholders uph{&names, &values};
  if (auto u = tables::ParseUpdate(text, uph); u.ok()) {
    Json copy = item;
    (void)tables::ApplyUpdate(u.value(), copy);
  }
  return 0;
}
