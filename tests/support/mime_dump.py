#!/usr/bin/env python3
"""Parses mail files (smtp-sink dumps) with Python's email package and prints JSON.

    mime_dump.py FILE_OR_DIR...

For each message: the decoded headers tests care about (RFC 2047 words decoded by the
parser), the envelope smtp-sink recorded, every defect the parser found, and each
leaf part with its type, charset, transfer encoding and decoded text. Messages are
sorted by Message-ID so the output does not depend on file names.
"""
import email
import email.policy
import email.utils
import json
import os
import sys

HEADERS = ["From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe",
           "List-Unsubscribe-Post", "Auto-Submitted", "MIME-Version", "References",
           "In-Reply-To", "Content-Type"]


def describe(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    headers = {name: str(msg[name]) for name in HEADERS if msg[name] is not None}
    date = msg["Date"]
    parts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        parts.append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding", ""),
            "content": part.get_content(),
        })
    defects = [type(d).__name__ for d in msg.defects]
    for part in msg.walk():
        defects += [type(d).__name__ for d in part.defects if part is not msg]
    return {
        "file": os.path.basename(path),
        "headers": headers,
        "date_utc": date.datetime.isoformat() if date is not None and date.datetime else None,
        "from_addr": msg["From"].addresses[0].addr_spec if msg["From"] else None,
        "from_name": msg["From"].addresses[0].display_name if msg["From"] else None,
        "envelope_from": msg.get("X-Mail-Args", ""),
        "envelope_to": msg.get_all("X-Rcpt-Args", []),
        "multipart": msg.get_content_type(),
        "defects": defects,
        "parts": parts,
    }


def main(args):
    paths = []
    for arg in args:
        if os.path.isdir(arg):
            paths += [os.path.join(arg, n) for n in sorted(os.listdir(arg))]
        else:
            paths.append(arg)
    messages = [describe(p) for p in paths if os.path.isfile(p)]
    messages.sort(key=lambda m: m["headers"].get("Message-ID", ""))
    json.dump(messages, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
