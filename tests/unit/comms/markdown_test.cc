#include "comms/markdown.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace phare::comms {
namespace {

std::string Html(std::string_view markdown) {
  auto html = MarkdownToHtml(markdown);
  EXPECT_TRUE(html.ok()) << html.status().ToString();
  return html.ok() ? *html : std::string();
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// What must never reach a browser from a body: active tags, event handlers, and links or
// images to script or data URLs (as inert text they are harmless).
void ExpectInert(const std::string& html) {
  const std::string lower = Lower(html);
  for (const char* bad : {"<script", "<img src=x", "onerror=", "<iframe", "<svg", "<style",
                          "onmouseover=\"", "href=\"javascript", "src=\"javascript",
                          "href=\"vbscript", "href=\"data:", "src=\"data:", "<a href=\"java"}) {
    EXPECT_EQ(lower.find(bad), std::string::npos) << bad << " in " << html;
  }
}

TEST(MarkdownToHtml, RendersGithubFlavour) {
  EXPECT_EQ(Html("**Sorry**, ~~soon~~ *now*."),
            "<p><strong>Sorry</strong>, <del>soon</del> <em>now</em>.</p>\n");
  const std::string table = Html("| site | servers |\n|---|---|\n| SBG | 40386 |\n");
  EXPECT_NE(table.find("<table>"), std::string::npos);
  EXPECT_NE(table.find("<td>40386</td>"), std::string::npos);
  EXPECT_NE(Html("See www.example.com now").find("<a href=\"http://www.example.com\">"),
            std::string::npos);
  EXPECT_NE(Html("[status](https://status.example.com/x?a=1&b=2)")
                .find("href=\"https://status.example.com/x?a=1&amp;b=2\""),
            std::string::npos);
  EXPECT_NE(Html("[help](/help#power)").find("href=\"/help#power\""), std::string::npos);
  EXPECT_NE(Html("<ops@example.com>").find("mailto:ops@example.com"), std::string::npos);
}

TEST(MarkdownToHtml, NeutralisesXssAttempts) {
  const char* attacks[] = {
      "<script>alert(1)</script>",
      "Hello <img src=x onerror=alert(1)> there",
      "<iframe src=\"https://evil.example\"></iframe>",
      "<svg onload=alert(1)>",
      "<style>body{display:none}</style>",
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "[click](javascript&#58;alert(1))",
      "[click](  javascript:alert(1)  )",
      "[click](<javascript:alert(1)>)",
      "<javascript:alert(1)>",
      "[click](vbscript:msgbox(1))",
      "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "![x](data:image/png;base64,iVBORw0KGgo=)",
      "![x](javascript:alert(1))",
      "[ref][1]\n\n[1]: javascript:alert(1)",
      "[x](http://example.com \"a\\\" onmouseover=\\\"alert(1)\")",
      "`<script>` and <a href=\"javascript:alert(1)\">a</a>",
      "<div><script>alert(1)</script></div>",
      "| a |\n|---|\n| <script>alert(1)</script> |",
  };
  for (const char* attack : attacks) {
    SCOPED_TRACE(attack);
    ExpectInert(Html(attack));
  }
  // Text survives, escaped; a dropped link keeps its words.
  EXPECT_NE(Html("[click here](javascript:alert(1))").find("click here"), std::string::npos);
  EXPECT_NE(Html("`<script>`").find("&lt;script&gt;"), std::string::npos);
}

TEST(IsSafeUrl, AllowsOnlyWebMailPhoneAndRelativeTargets) {
  for (const char* ok : {"https://a.example/x", "http://a.example", "mailto:ops@example.com",
                         "tel:+33123456789", "/incidents/42", "#top", "", "HTTPS://A.EXAMPLE"}) {
    EXPECT_TRUE(IsSafeUrl(ok)) << ok;
  }
  for (const char* bad :
       {"javascript:alert(1)", "data:text/html,x", "data:image/png;base64,x", "vbscript:x",
        "file:///etc/passwd", "java\tscript:alert(1)", "ftp://example.com"}) {
    EXPECT_FALSE(IsSafeUrl(bad)) << bad;
  }
}

TEST(MarkdownToText, GivesPlainTextForSmsAndEmail) {
  auto text = MarkdownToText(
      "**We are sorry.** Details on [our page](https://status.example.com).\n\n"
      "- one\n- two\n\n<script>x</script>");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->find("**"), std::string::npos);
  EXPECT_EQ(text->find("<script"), std::string::npos);
  EXPECT_NE(text->find("We are sorry."), std::string::npos);
  EXPECT_NE(text->find("our page <https://status.example.com>"), std::string::npos);
  EXPECT_NE(text->find("one"), std::string::npos);
  auto unsafe = MarkdownToText("[x](javascript:alert(1))");
  ASSERT_TRUE(unsafe.ok());
  EXPECT_EQ(unsafe->find("javascript"), std::string::npos);
}

TEST(Markdown, RejectsOversizedBodies) {
  const std::string huge(64 * 1024 + 1, 'a');
  EXPECT_EQ(MarkdownToHtml(huge).status().code(), base::Code::kResourceExhausted);
  EXPECT_EQ(MarkdownToText(huge).status().code(), base::Code::kResourceExhausted);
}

TEST(EscapeMarkdown, KeepsOperatorTextLiteral) {
  EXPECT_EQ(Html(EscapeMarkdown("<b>*SBG*</b> [x](javascript:y) {time:z}")),
            "<p>&lt;b&gt;*SBG*&lt;/b&gt; [x](javascript:y) {time:z}</p>\n");
  EXPECT_EQ(EscapeMarkdown("line\nbreak"), "line break");
}

}  // namespace
}  // namespace phare::comms
