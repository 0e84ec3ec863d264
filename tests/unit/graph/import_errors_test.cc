// Validation: every error names its file, line and node; nothing is imported on error.
#include <gtest/gtest.h>

#include "graph/import.h"
#include "import_testing.h"

namespace phare::graph {
namespace {

using testing::MustFail;

// The error at `line`, or a failure.
const ImportError* At(const ErrorList& errors, uint64_t line) {
  for (const ImportError& e : errors.kept()) {
    if (e.line == line) return &e;
  }
  ADD_FAILURE() << "no error at line " << line << " in:\n" << errors.ToString();
  return nullptr;
}

bool Has(const ImportError* e, std::string_view id, std::string_view text) {
  return e && e->id == id && e->message.find(text) != std::string::npos;
}

TEST(ImportErrors, EachErrorNamesFileLineAndNode) {
  const std::string text =
      R"({"id":"a","kind":"rack"}
{"id":"b","kind":"server","on":"missing"}
{"id":"a","kind":"rack"}
{"id":"c","kind":"logical","depends":[{"k":3,"members":["a","b"]}]}
{"id":"d","kind":"logical","depends":[{"k":"one","members":["a"]}]}
{"id":"e","kind":"toaster"}
{"id":"f","kind":"server","on":"g"}
{"id":"g","kind":"server","on":"f"}
{"id":"h","kind":"server",
{"id":"r","kind":"resource","product":"vps","on":"a"}
{"id":"s","kind":"server","customer":"x"}
{"id":"t","kind":"server","site":"a"}
{"id":"u","kind":"server","colour":"red"}
{"id":"v w","kind":"server"}
{"id":"x","kind":"logical","depends":[{"k":1,"members":["a","a"]}]}
)";
  const ErrorList errors = MustFail(text);
  EXPECT_TRUE(Has(At(errors, 2), "b", "unknown reference 'missing'"));
  EXPECT_TRUE(Has(At(errors, 3), "a", "duplicate id (first defined at line 1)"));
  EXPECT_TRUE(Has(At(errors, 4), "c", "k = 3 is larger than its group of 2"));
  EXPECT_TRUE(Has(At(errors, 5), "d", "'k' must be a positive integer"));
  EXPECT_TRUE(Has(At(errors, 6), "e", "unknown kind 'toaster'"));
  EXPECT_TRUE(Has(At(errors, 7), "f", "dependency cycle: 'f' -> 'g' -> 'f'"));
  EXPECT_TRUE(Has(At(errors, 9), "", "invalid JSON"));
  EXPECT_TRUE(Has(At(errors, 10), "r", "needs a customer and a product"));
  EXPECT_TRUE(Has(At(errors, 11), "s", "apply to resources only"));
  EXPECT_TRUE(Has(At(errors, 12), "t", "site 'a' is a rack, not a site"));
  EXPECT_TRUE(Has(At(errors, 13), "u", "unknown field 'colour'"));
  EXPECT_TRUE(Has(At(errors, 14), "", "invalid id 'v w'"));
  EXPECT_TRUE(Has(At(errors, 15), "x", "member 'a' is listed twice"));
  EXPECT_EQ(errors.kept()[0].ToString().substr(0, 10), "inv.jsonl:");
}

TEST(ImportErrors, CsvErrorsCarryLineNumbers) {
  const std::string text =
      "id,kind,depends\n"
      "a,rack,\n"
      "b,server,2:a\n"
      "c,server,\"a\n"
      "d,server,a,extra\n"
      "e,server,x:a\n";
  const ErrorList errors = MustFail(text, "inv.csv");
  EXPECT_TRUE(Has(At(errors, 3), "b", "k = 2 is larger than its group of 1"));
  EXPECT_TRUE(Has(At(errors, 4), "", "unterminated quoted field"));
  EXPECT_TRUE(Has(At(errors, 5), "", "expected 3 fields, found 4"));
  EXPECT_TRUE(Has(At(errors, 6), "e", "k must be a positive integer"));
}

// Found by fuzzing: a CSV name with a stray byte was imported, then exported as JSON Lines
// no JSON parser accepts. CSV is refused as JSON Lines is.
TEST(ImportErrors, CsvMustBeUtf8) {
  const ErrorList errors =
      MustFail("id,kind,name\nsbg,site,Strasbo\x8Durg\nrbx,site,Roubaix\n", "inv.csv");
  ASSERT_EQ(errors.kept().size(), 1u);
  EXPECT_TRUE(Has(At(errors, 2), "", "not UTF-8 at byte 17 of the line"));
  EXPECT_FALSE(MustFail("id,kind\n\xC3,site\n", "inv.csv").empty());
  testing::MustImport("\xEF\xBB\xBFid,kind,name\nsbg,site,Стра́сбург 東京\n");
}

// Found by fuzzing (ASan): the error for a bad member named its owner through a view into
// the id table, which the new members before it had reallocated.
TEST(ImportErrors, BadMemberAfterManyNewOnesNamesItsOwner) {
  for (const char* last : {"bad id", "m0"}) {  // invalid, then listed twice
    std::string members;
    for (int i = 0; i < 2000; ++i) members += "\"m" + std::to_string(i) + "\",";
    const std::string text =
        "{\"id\":\"owner-node\",\"kind\":\"logical\",\"depends\":[{\"members\":[" + members + "\"" +
        last + "\"]}]}\n";
    const ErrorList errors = MustFail(text);
    ASSERT_FALSE(errors.kept().empty()) << last;
    EXPECT_EQ(errors.kept()[0].id, "owner-node") << last;
  }
}

TEST(ImportErrors, CsvHeaderMustBeKnown) {
  const ErrorList errors = MustFail("id,kind,colour\na,rack,red\n", "inv.csv");
  EXPECT_TRUE(Has(At(errors, 1), "", "unknown column 'colour'"));
}

TEST(ImportErrors, KeepsTheFirstHundredAndCountsTheRest) {
  std::string text;
  for (int i = 0; i < 150; ++i)
    text += R"({"id":"n)" + std::to_string(i) +
            R"(","kind":"?"})"
            "\n";
  const ErrorList errors = MustFail(text);
  EXPECT_EQ(errors.kept().size(), 100u);
  EXPECT_EQ(errors.total(), 150u);
  EXPECT_EQ(errors.kept().back().line, 100u);
  EXPECT_NE(errors.ToString().find("... and 50 more errors"), std::string::npos);
}

TEST(ImportErrors, OneBadLineAmongGoodOnesImportsNothing) {
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    text += R"({"id":"n)" + std::to_string(i) +
            R"(","kind":"server"})"
            "\n";
  }
  text += R"({"id":"n5","kind":"server"})"
          "\n";
  const ErrorList errors = MustFail(text);
  EXPECT_EQ(errors.total(), 1u);
  EXPECT_EQ(errors.kept()[0].line, 1001u);
}

TEST(ImportErrors, OverlongLineIsReportedWithItsNumber) {
  ImportOptions options;
  options.max_line_bytes = 64;
  const std::string text = R"({"id":"a","kind":"rack"})"
                           "\n" +
                           std::string(100, ' ') + "\n";
  auto result = ImportInventoryBytes(text, options);
  ASSERT_TRUE(result.ok());
  ASSERT_FALSE(result->ok());
  EXPECT_EQ(result->errors.kept()[0].line, 2u);
  EXPECT_NE(result->errors.kept()[0].message.find("longer than 64"), std::string::npos);
}

TEST(ImportErrors, LimitsAreEnforced) {
  ImportOptions options;
  options.limits.max_nodes = 2;
  options.limits.max_attributes_per_node = 1;
  const std::string text = R"({"id":"a","kind":"rack","attrs":{"x":"1","y":"2"}}
{"id":"b","kind":"rack"}
{"id":"c","kind":"rack"}
)";
  auto result = ImportInventoryBytes(text, options);
  ASSERT_TRUE(result.ok());
  ASSERT_FALSE(result->ok());
  EXPECT_TRUE(Has(At(result->errors, 1), "a", "more than 1 attributes"));
  EXPECT_TRUE(Has(At(result->errors, 3), "c", "more than 2 nodes"));
}

}  // namespace
}  // namespace phare::graph
