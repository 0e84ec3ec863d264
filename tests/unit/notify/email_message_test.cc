#include "notify/email_message.h"

#include <gtest/gtest.h>

namespace phare::notify {
namespace {

EmailEnvelope Envelope() {
  EmailEnvelope e;
  e.from_name = "Statut du réseau";
  e.from_addr = "status@example.net";
  e.to_addr = "client@example.org";
  e.message_id = MessageIdFor("delivery-1", "status.example.net");
  e.date = base::ParseTime("2017-11-09T06:21:00Z").value();
  e.unsubscribe_url = "https://status.example.net/unsubscribe/tok123";
  return e;
}

EmailContent Content() {
  return {"Panne électrique « SBG »", "Nos équipes sont mobilisées.\n", "<p>Nos équipes</p>"};
}

std::string Header(const std::string& message, const std::string& name) {
  const size_t pos = message.find("\r\n" + name + ": ");
  if (pos == std::string::npos) return {};
  const size_t start = pos + 4 + name.size();
  return message.substr(start, message.find("\r\n", start) - start);
}

TEST(BuildEmail, CarriesTheHeadersOfANotification) {
  const auto message = BuildEmail(Envelope(), Content());
  ASSERT_TRUE(message.ok()) << message.status().ToString();
  EXPECT_EQ(message->rfind("Date: Thu, 09 Nov 2017 06:21:00 +0000\r\n", 0), 0u);
  EXPECT_EQ(Header(*message, "Message-ID"), Envelope().message_id);
  EXPECT_EQ(Header(*message, "List-Unsubscribe"),
            "<https://status.example.net/unsubscribe/tok123>");
  EXPECT_EQ(Header(*message, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  EXPECT_EQ(Header(*message, "Auto-Submitted"), "auto-generated");
  EXPECT_EQ(Header(*message, "MIME-Version"), "1.0");
  EXPECT_EQ(Header(*message, "To"), "client@example.org");
  EXPECT_NE(Header(*message, "Subject").find("=?UTF-8?B?"), std::string::npos);
  EXPECT_NE(message->find("multipart/alternative"), std::string::npos);
  EXPECT_NE(message->find("Nos =C3=A9quipes sont mobilis=C3=A9es."), std::string::npos);
  // Only CRLF line ends, nothing but ASCII.
  for (size_t i = 0; i < message->size(); ++i) {
    EXPECT_LT(static_cast<unsigned char>((*message)[i]), 0x80u);
    if ((*message)[i] == '\n') {
      EXPECT_EQ((*message)[i - 1], '\r');
    }
  }
}

TEST(BuildEmail, TextOnlyWithoutHtmlAndThreadsUpdates) {
  EmailEnvelope e = Envelope();
  e.thread_id = "<incident-42@status.example.net>";
  e.unsubscribe_mailto = "mailto:unsubscribe@example.net?subject=tok123";
  EmailContent c = Content();
  c.html.clear();
  const auto message = BuildEmail(e, c);
  ASSERT_TRUE(message.ok());
  EXPECT_EQ(message->find("multipart"), std::string::npos);
  EXPECT_NE(message->find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  EXPECT_EQ(Header(*message, "References"), e.thread_id);
  EXPECT_EQ(Header(*message, "In-Reply-To"), e.thread_id);
  EXPECT_NE(message->find("<mailto:unsubscribe@example.net?subject=tok123>"), std::string::npos);
}

TEST(BuildEmail, RejectsWhatWouldMakeABrokenOrUnsafeMessage) {
  auto field_of = [](EmailEnvelope e, EmailContent c) { return BuildEmail(e, c).status().field(); };
  EmailEnvelope e = Envelope();
  e.unsubscribe_url.clear();
  EXPECT_EQ(field_of(e, Content()), "unsubscribe_url");
  e = Envelope();
  e.to_addr = "victim@example.org>\r\nBcc: x@y.z";
  EXPECT_EQ(field_of(e, Content()), "to_addr");
  e = Envelope();
  e.message_id = "no-brackets";
  EXPECT_EQ(field_of(e, Content()), "message_id");
  e = Envelope();
  e.extra_headers = {{"Subject", "again"}};
  EXPECT_EQ(field_of(e, Content()), "extra_headers");
  e = Envelope();
  e.extra_headers = {{"X-Phare-Incident", "a\r\nb"}};
  EXPECT_EQ(field_of(e, Content()), "extra_headers.X-Phare-Incident");
  EmailContent c = Content();
  c.text.clear();
  EXPECT_EQ(field_of(Envelope(), c), "text");
  c = Content();
  c.subject = std::string(kMaxSubjectBytes + 1, 'a');
  EXPECT_EQ(field_of(Envelope(), c), "subject");
}

TEST(MessageIdFor, IsStablePerKeyAndDistinctAcrossKeys) {
  const std::string a = MessageIdFor("update-1/subscriber-9", "status.example.net");
  EXPECT_EQ(a, MessageIdFor("update-1/subscriber-9", "status.example.net"));
  EXPECT_NE(a, MessageIdFor("update-1/subscriber-10", "status.example.net"));
  EXPECT_EQ(a.front(), '<');
  EXPECT_EQ(a.substr(a.size() - 20), "@status.example.net>");
  EXPECT_EQ(a.size(), 1 + 32 + 20u);
}

TEST(FormatMailDate, UsesRfc5322InUtc) {
  EXPECT_EQ(FormatMailDate(base::ParseTime("2017-11-09T07:21:00.999+01:00").value()),
            "Thu, 09 Nov 2017 06:21:00 +0000");
}

}  // namespace
}  // namespace phare::notify
