"""Links that share a page on the social networks Vietnamese readers use, without their scripts.

Both networks offer a JavaScript SDK; a public government page loads no third-party script, so
these are the networks' plain share addresses, which open their own share dialog.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import urlencode


def facebook_share_url(url: str) -> str:
    """Facebook's sharer, which needs no registered app (its `dialog/share` needs an app id)."""
    return "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})


def zalo_share_url(url: str) -> str:
    """The address Zalo's own share button opens: the page's address as base64-encoded JSON."""
    payload = base64.b64encode(json.dumps({"url": url}).encode()).decode()
    return "https://button-share.zalo.me/share_external?" + urlencode({"d": payload})
