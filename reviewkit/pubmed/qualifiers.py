"""MeSH qualifiers (subheadings) by their two-letter abbreviations, so that
``neoplasms/dt[mh]`` is read as ``neoplasms/drug therapy[mh]``.

PubMed accepts a subheading spelt out or abbreviated: NLM's drug-information subject guide,
"MeSH Subheadings" (https://www.nlm.nih.gov/services/Subject_Guides/druginformation/...
/meshsubheadings/), gives "Neoplasms/dt[mh] using the abbreviation or spelling out the
subheading Neoplasms/drug therapy[mh]" and 18 of the pairs below. The others are from NLM's
"Topical Subheadings with Scope Notes and Allowable Categories" (each entry "name (AB)") and
"Qualifiers by Allowable Category" (https://www.nlm.nih.gov/mesh/2009/introduction/
topcat.html). Every qualifier in the offline snapshot's NLM records is here (a test).
Qualifiers MeSH has retired (radiography, radionuclide imaging, ultrasonography, 2016) stay:
older records carry them and PubMed still searches them.
"""

from __future__ import annotations

_QUALIFIERS = """
aa analogs & derivatives; ab abnormalities; ad administration & dosage; ae adverse effects;
ag agonists; ah anatomy & histology; ai antagonists & inhibitors; an analysis;
bi biosynthesis; bl blood; bs blood supply; cf cerebrospinal fluid; ch chemistry;
ci chemically induced; cl classification; cn congenital; co complications;
cs chemical synthesis; ct contraindications; cy cytology; de drug effects; df deficiency;
dg diagnostic imaging; dh diet therapy; di diagnosis; dt drug therapy; du diagnostic use;
ec economics; ed education; eh ethnology; em embryology; en enzymology; ep epidemiology;
es ethics; et etiology; gd growth & development; ge genetics; hi history; im immunology;
in injuries; ip isolation & purification; ir innervation; is instrumentation;
lj legislation & jurisprudence; ma manpower; me metabolism; mi microbiology; mo mortality;
mt methods; nu nursing; og organization & administration; pa pathology; pc prevention & control;
pd pharmacology; ph physiology; pk pharmacokinetics; po poisoning; pp physiopathology;
ps parasitology; px psychology; py pathogenicity; ra radiography; re radiation effects;
rh rehabilitation; ri radionuclide imaging; rt radiotherapy; sc secondary; sd supply & distribution;
se secretion; sn statistics & numerical data; st standards; su surgery; td trends; th therapy;
tm transmission; to toxicity; tr transplantation; tu therapeutic use; ul ultrastructure;
ur urine; us ultrasonography; ut utilization; ve veterinary; vi virology
"""
QUALIFIERS = {
    entry.strip()[:2]: entry.strip()[3:]
    for entry in _QUALIFIERS.replace("\n", " ").split(";")
    if entry.strip()
}


def qualifier_name(abbreviation: str) -> str | None:
    """'dt' -> 'drug therapy'; None for two letters that are no qualifier's abbreviation."""
    return QUALIFIERS.get(abbreviation.strip().lower())
