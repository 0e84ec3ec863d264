#include "http/redirect.h"

#include <gtest/gtest.h>

namespace phare::http {
namespace {

TEST(SameOriginPath, KeepsPathsOnThisSite) {
  EXPECT_EQ(SameOriginPath("/"), "/");
  EXPECT_EQ(SameOriginPath("/history?page=2"), "/history?page=2");
  EXPECT_EQ(SameOriginPath("/incidents/abc"), "/incidents/abc");
  EXPECT_EQ(SameOriginPath("/hist\tory"), "/history");  // as a browser reads it
}

TEST(SameOriginPath, RefusesWhatABrowserReadsAsAnotherHost) {
  for (const char* bad :
       {"", "//evil.example", "/\t/evil.example", "/\n/evil.example", "/\\evil.example",
        "\\\\evil.example", " //evil.example", "https://evil.example", "javascript:alert(1)",
        "evil.example", "/\r\n/evil.example", "/a b", "/x#frag"}) {
    EXPECT_EQ(SameOriginPath(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(SameOriginPath("/" + std::string(600, 'a')), std::nullopt);
}

}  // namespace
}  // namespace phare::http
