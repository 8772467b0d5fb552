"""Write the init fixture: a recording of www.petit-four.example with cookies the known-cookie
fixture database (tests/data/known/small.csv) knows, in every way ``init`` treats one.

``python -m tests.data.init.generate`` rewrites it; ``tests/core/test_drafting.py`` checks
that the committed file is what this script writes. Values hold ``MARKER-VALUE``.

- ``_ga``, ``_ga_4XQ2B7NN2K``, ``_gid``: Google Analytics (a prefix entry, lifetimes the
  database's retention fits);
- ``_fbp`` on the site's own domain and ``fr`` on ``.facebook.com``: Facebook, listed as
  third-party;
- ``cart`` (necessary) and ``shop_px`` (the database's "Tracking pixels", no category of
  the catalogue, no privacy link): Example Shop, split over two categories;
- ``CookieConsent`` (the database's "Necessary"); ``eta_volume`` only sent, never set
  (the database's lifetime); ``zt_sync`` only sent, with a retention that reads as no
  duration (nothing to go on); ``SSPR_9f2`` on ``.adkernel.example`` (a ``*`` entry, an
  unparsed retention, the evidence's lifetime); ``_pk_ses.1.a2c4`` living longer than the
  database says; ``sid``, listed by three platforms.
"""

from __future__ import annotations

from pathlib import Path

from tests.data.audit.generate import MARK, SITE, _entry, _har

HERE = Path(__file__).resolve().parent


def known_har() -> str:
    year2 = 63072000
    return _har(
        [
            _entry(
                "00",
                SITE + "/?utm_source=MARKER-VALUE",
                [
                    f"_ga={MARK}-ga; Max-Age={year2}; Domain=.petit-four.example; Path=/",
                    f"_ga_4XQ2B7NN2K={MARK}-ga4; Max-Age={year2}; Domain=.petit-four.example",
                    f"_gid={MARK}-gid; Max-Age=86400; Domain=.petit-four.example",
                    f"_fbp={MARK}-fbp; Max-Age=7776000; Domain=.petit-four.example",
                    f"cart={MARK}-cart; Path=/",
                    f"shop_px={MARK}-px; Max-Age=3600",
                    f"CookieConsent={MARK}-cc; Max-Age=31536000",
                    f"_pk_ses.1.a2c4={MARK}-pks; Max-Age=3600",
                    f"sid={MARK}-sid; Path=/; HttpOnly",
                ],
                sent=f"eta_volume={MARK}-vol; zt_sync={MARK}-zt",
            ),
            _entry(
                "01",
                "https://www.facebook.com/tr?id=1&ev=PageView",
                [f"fr={MARK}-fr; Max-Age=7776000; Domain=.facebook.com; Secure; SameSite=None"],
            ),
            _entry(
                "02",
                "https://x.adkernel.example/sync",
                [f"SSPR_9f2={MARK}-ss; Max-Age=86400; Domain=.adkernel.example; Secure"],
            ),
        ]
    )


def files() -> dict[str, bytes]:
    return {"known.har": known_har().encode()}


def main() -> None:
    for name, data in files().items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
