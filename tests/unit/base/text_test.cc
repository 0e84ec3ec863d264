#include "base/text.h"

#include <gtest/gtest.h>

#include "base/json.h"

namespace phare::base {
namespace {

using namespace std::string_literals;

TEST(Text, FindsC0ControlsButTabAndNewlines) {
  EXPECT_EQ(FindControl("plain\ttext\r\nover lines"), std::string_view::npos);
  EXPECT_EQ(FindControl("été — 東京"), std::string_view::npos);
  EXPECT_EQ(FindControl("ab\vc"), 2u);
  EXPECT_EQ(FindControl("x\0y"s), 1u);
  EXPECT_EQ(FindControl("\x1f"), 0u);
  EXPECT_EQ(FindControl("a\xEF\xBF\xBF"), 1u);  // U+FFFF
  EXPECT_EQ(DescribeControl("ab\vc", 2), "U+000B at byte 2");
  EXPECT_EQ(DescribeControl("a\xEF\xBF\xBE", 1), "U+FFFE at byte 1");
}

TEST(Text, StripDropsThemAndKeepsTheRest) {
  EXPECT_EQ(StripControls("a\vb\0c\td\n\xEF\xBF\xBE\xC3\xA9"s), "abc\td\n\xC3\xA9");
}

TEST(Text, FindsWhereUtf8StopsBeingWellFormed) {
  EXPECT_EQ(FindInvalidUtf8("plain, été — 東京 𝄞"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Strasbo\x8Durg"), 7u);    // a lone continuation byte
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);            // cut short
  EXPECT_EQ(FindInvalidUtf8("\xC3\x28"), 0u);          // not a continuation
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);      // overlong, 3 bytes
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);     // a UTF-16 surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // past U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xF4\x8F\xBF\xBF"), std::string_view::npos);  // U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xFF"), 0u);
}

TEST(JsonReader, RefusesControlCharactersNamingTheField) {
  auto body = ParseJson(R"({"name": "Storage\u000b", "body": "line\nline\tend"})");
  ASSERT_TRUE(body.ok());
  JsonReader r(body->get_object(), "component");
  std::optional<std::string> name, text;
  const Status refused = r.String("name", name);
  EXPECT_EQ(refused.code(), Code::kInvalidArgument);
  EXPECT_EQ(refused.field(), "component.name");
  EXPECT_NE(refused.message().find("U+000B"), std::string::npos);
  EXPECT_TRUE(r.String("body", text).ok());
  EXPECT_EQ(*text, "line\nline\tend");
}

}  // namespace
}  // namespace phare::base
