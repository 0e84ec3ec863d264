#include "notify/mime.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <sstream>
#include <vector>

namespace phare::notify {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find("\r\n", pos);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

std::string DecodeBase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  EXPECT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                              text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  out.resize(len);
  return out;
}

// Decodes "=?UTF-8?B?...?=" words separated by folding whitespace.
std::string DecodeWords(const std::string& header) {
  std::string out;
  size_t pos = 0;
  while ((pos = header.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const size_t end = header.find("?=", pos + 10);
    out += DecodeBase64(std::string_view(header).substr(pos + 10, end - pos - 10));
    pos = end + 2;
  }
  return out;
}

bool IsValidUtf8(const std::string& s) {
  std::u8string_view v(reinterpret_cast<const char8_t*>(s.data()), s.size());
  size_t i = 0;
  while (i < v.size()) {
    const unsigned char c = v[i];
    const size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    if (n == 0 || i + n > v.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((v[i + k] & 0xc0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

TEST(EncodeHeaderText, KeepsPlainAsciiReadable) {
  EXPECT_EQ(EncodeHeaderText("Power outage in SBG", 9), "Power outage in SBG");
}

TEST(EncodeHeaderText, FoldsLongAsciiAtSpacesWithoutLosingText) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "word" + std::to_string(i) + " ";
  text.pop_back();
  const std::string encoded = EncodeHeaderText(text, 9);
  EXPECT_NE(encoded.find("\r\n "), std::string::npos);
  for (const auto& line : Lines(encoded)) EXPECT_LE(line.size(), 78u);
  std::string unfolded = encoded;
  for (size_t p; (p = unfolded.find("\r\n")) != std::string::npos;) unfolded.erase(p, 2);
  EXPECT_EQ(unfolded, text);
}

TEST(EncodeHeaderText, EncodesFrenchAccentsAndGuillemetsInShortWords) {
  const std::string subject =
      "Panne électrique à Strasbourg : « tous les serveurs sont touchés », mise à jour n°3 "
      "— rétablissement estimé à 14 h 30, veuillez nous excuser pour la gêne occasionnée";
  const std::string encoded = EncodeHeaderText(subject, 9);
  const auto lines = Lines(encoded);
  ASSERT_GT(lines.size(), 1u);
  EXPECT_LE(lines[0].size() + 9, 76u);
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 76u);
    EXPECT_EQ(lines[i][0], ' ');
  }
  EXPECT_EQ(DecodeWords(encoded), subject);
  // Every word decodes on its own to whole characters.
  for (const auto& line : lines) EXPECT_TRUE(IsValidUtf8(DecodeWords(line))) << line;
}

TEST(EncodeHeaderText, LineBreaksCannotInjectHeaders) {
  const std::string encoded = EncodeHeaderText("Outage\r\nBcc: victim@example.com", 9);
  EXPECT_EQ(encoded, "Outage Bcc: victim@example.com");
  EXPECT_EQ(encoded.find('\n'), std::string::npos);
}

TEST(EncodeHeaderText, EncodesTextThatLooksLikeAnEncodedWord) {
  const std::string encoded = EncodeHeaderText("=?UTF-8?B?abc?=", 9);
  EXPECT_EQ(DecodeWords(encoded), "=?UTF-8?B?abc?=");
}

// Found by fuzzing: a word longer than a line (a URL, a pasted token) cannot be folded at
// spaces, and a quoted name is not folded at all; both made header lines past RFC 5322's
// 998 characters. They become encoded-words, which may be split anywhere.
TEST(EncodeHeaderText, EncodesAWordTooLongToFold) {
  const std::string text = "See https://status.example.com/" + std::string(1200, 'x') + " now";
  const std::string encoded = EncodeHeaderText(text, 9);
  for (const auto& line : Lines(encoded)) EXPECT_LE(line.size(), 76u);
  EXPECT_EQ(DecodeWords(encoded), text);
}

TEST(FormatMailbox, EncodesANameTooLongForTheLine) {
  const std::string name = "\"Status\" " + std::string(1000, 'x') + " and more words";
  const std::string encoded = FormatMailbox(name, "a@example.com", 6);
  ASSERT_NE(encoded.find(" <a@example.com>"), std::string::npos);
  const std::string words = encoded.substr(0, encoded.find(" <a@example.com>"));
  for (const auto& line : Lines(words)) EXPECT_LE(line.size(), 76u);
  EXPECT_EQ(DecodeWords(words), name);
}

TEST(FormatMailbox, QuotesSpecialsAndEncodesNonAscii) {
  EXPECT_EQ(FormatMailbox("", "a@example.com", 4), "a@example.com");
  EXPECT_EQ(FormatMailbox("Status", "a@example.com", 4), "Status <a@example.com>");
  EXPECT_EQ(FormatMailbox("Status, Inc. \"ops\"", "a@example.com", 4),
            "\"Status, Inc. \\\"ops\\\"\" <a@example.com>");
  const std::string encoded = FormatMailbox("État du réseau", "a@example.com", 6);
  EXPECT_EQ(DecodeWords(encoded), "État du réseau");
  EXPECT_NE(encoded.find(" <a@example.com>"), std::string::npos);
}

TEST(EncodeQuotedPrintable, EscapesWhatItMustAndKeepsLinesShort) {
  EXPECT_EQ(EncodeQuotedPrintable("a=b"), "a=3Db");
  EXPECT_EQ(EncodeQuotedPrintable("été"), "=C3=A9t=C3=A9");
  EXPECT_EQ(EncodeQuotedPrintable("end \nnext"), "end=20\r\nnext");
  EXPECT_EQ(EncodeQuotedPrintable("one\r\ntwo\n"), "one\r\ntwo\r\n");
  const std::string encoded =
      EncodeQuotedPrintable(std::string(300, 'x') + "é" + std::string(100, 'y'));
  for (const auto& line : Lines(encoded)) EXPECT_LE(line.size(), 76u);
  // A soft break never splits an escape.
  for (const auto& line : Lines(encoded)) {
    const size_t eq = line.rfind('=');
    if (eq != std::string::npos) {
      EXPECT_TRUE(eq == line.size() - 1 || eq + 3 <= line.size());
    }
  }
}

TEST(EncodeBase64Lines, WrapsAt76) {
  const std::string encoded = EncodeBase64Lines(std::string(200, '\xe9'));
  for (const auto& line : Lines(encoded)) EXPECT_LE(line.size(), 76u);
  std::string joined;
  for (const auto& line : Lines(encoded)) joined += line;
  EXPECT_EQ(DecodeBase64(joined), std::string(200, '\xe9'));
}

TEST(PrefersBase64, OnlyForMostlyNonLatinText) {
  EXPECT_FALSE(PrefersBase64("Panne électrique à Strasbourg"));
  EXPECT_TRUE(PrefersBase64("Отключение электроэнергии"));
}

}  // namespace
}  // namespace phare::notify
