"""Demo procedure catalogues, read in through the importer as an editor's sheet would be.

The Department of Justice (stp.localhost) gets the province-level procedures it handles (judicial
records, nationality, adoption with a foreign element, notaries, lawyers); Trấn Biên ward
(tranbien.localhost) gets the commune-level ones (civil status, certification, social allowance,
household businesses), from the sample file `fixtures/thu-tuc-mau.csv`. The codes follow the
national database's form; check them against it before publishing such a list for real.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from loa.portal.models import MemberSite

from .importing import SAMPLE_FILE, import_procedures

DEMO_FILES = {
    "stp.localhost": SAMPLE_FILE.with_name("thu-tuc-so-tu-phap.csv"),
    "tranbien.localhost": SAMPLE_FILE,
}


def load_procedures_demo() -> int:
    """Import the demo sheets into the demo sites (made by `load_portal_demo`); returns how many
    procedures were created. A second run finds every row unchanged and creates nothing."""
    actor = get_user_model().objects.filter(username="quantri").first()
    created = 0
    for hostname, path in DEMO_FILES.items():
        site = MemberSite.objects.filter(site__hostname=hostname).first()
        if site is None:
            continue
        with path.open("rb") as sheet:
            report = import_procedures(sheet, site, actor=actor)
        if report.rejected:
            raise ValueError(f"{path.name}: {report.rejected}")  # the shipped sheet itself is wrong
        created += len(report.created)
    return created
