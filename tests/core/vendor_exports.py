"""Exports as the databases write them (round 27), shared by test_exporter_variants*.py: each a
made-up record in the shape of a real export of that system."""

from __future__ import annotations

SCOPUS_RIS = """\ufeffTY  - JOUR
AU  - Hansen, P.
AU  - Berg, O.
AU  - Lie, K.M.
TI  - Coordinated return to work for common mental disorders: a randomised trial
PY  - 2021
T2  - BMC Public Health
VL  - 21
IS  - 1
C7  - 1432
DO  - 10.1186/s12889-021-11432-1
UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-85110000000&doi=10.1186%2fs12889-021-11432-1&partnerID=40&md5=0a1b2c3d
AB  - Background: Sick leave is common. Methods: A trial. Results: Fewer days.
KW  - return to work
KW  - sick leave
SN  - 14712458 (ISSN)
C2  - 34270000
LA  - English
J2  - BMC Public Health
M3  - Article
DB  - Scopus
N1  - Export Date: 05 December 2026; Cited By: 3
ER  -

TY  - JOUR
AU  - Lie, K.M.
TI  - Graded sick leave in primary care
PY  - 2019
T2  - Scandinavian Journal of Primary Health Care
VL  - 37
IS  - 2
SP  - 210
EP  - 218
DO  - 10.1080/02813432.2019.1608042
DB  - Scopus
ER  -
"""


CENTRAL_RIS = """Record #3 of 18
Provider: John Wiley & Sons, Ltd.
Content: text/plain; charset="UTF-8"

TY  -  JOUR
AN  -  CN-02100001
A1  -  Hansen, P
A1  -  Berg, O
T1  -  Coordinated return to work: a randomised trial
JA  -  Journal of occupational rehabilitation
PY  -  2019
VL  -  29
IS  -  1
SP  -  100
EP  -  110
C3  -  PUBMED 30937721
M3  -  Journal article
KW  -  *Return to Work
DO  -  10.1007/s10926-018-9999-1
N2  -  BACKGROUND: Sick leave is common. METHODS: A trial.
UR  -  https://www.cochranelibrary.com/central/doi/10.1002/central/CN-02100001/full
ER  -


Record #10 of 18
Provider: John Wiley & Sons, Ltd.
Content: text/plain; charset="UTF-8"

TY  -  JOUR
AN  -  CN-02100002
A1  -  Lie, K
T1  -  Graded sick leave: trial protocol
JA  -  Trials
PY  -  2020
VL  -  21
SP  -  55
C3  -  EMBASE 2004000001
M3  -  Journal article
UR  -  https://www.cochranelibrary.com/central/doi/10.1002/central/CN-02100002/full
ER  -
"""


EBSCO_RIS = """TY  - JOUR
AU  - Hansen, Per
AU  - Berg, Ola
T1  - Return to work after sick leave for back pain.
JO  - Work
JF  - Work
Y1  - 2022/04/03/
VL  - 71
IS  - 4
M3  - Article
SP  - 1001
EP  - 1012
SN  - 10519815
AB  - Background: Back pain keeps people off work. Objective: To follow them.
AB  - Copyright of Work is the property of IOS Press and its content may not be copied or \
emailed to multiple sites or posted to a listserv without the copyright holder's express \
written permission.
KW  - BACK pain
N1  - Accession Number: 156000001; Hansen, Per 1; Affiliation: 1: University of Bergen
L3  - 10.3233/WOR-210001
UR  - https://search.ebscohost.com/login.aspx?direct=true&db=aph&AN=156000001&site=ehost-live
DP  - EBSCOhost
DB  - aph
ER  -
"""


EMBASE_CSV = (
    "\"SEARCH QUERY\",\"('return to work'/exp OR 'sick leave':ti,ab) AND [2019-2022]/py\"\n"
    "-------------------------------------\n"
    "\n"
    '"Title","Author Names","Source title","Publication Year","Volume","Issue","First Page",'
    '"Last Page","Abstract","Author Keywords","Article Language","Summary Language",'
    '"Medline PMID","DOI"\n'
    '"Coordinated return to work","Hansen P., Berg O.","Journal of Occupational Rehabilitation",'
    '"2019","29","1","100","110","Background: x.","return to work, sick leave","English",'
    '"Norwegian","30937721","10.1007/s10926-018-9999-1"\n'
)


OVID_EMBASE = """<1. >
VN  - Ovid Technologies
DB  - Embase
UI  - 2004000001
TI  - Coordinated return to work for back pain: a randomised trial.
SO  - Journal of Occupational Rehabilitation. 29 (1) (pp 100-110), 2019. Date of Publication: 01 \
Mar 2019.
AU  - Hansen P.
AU  - Berg O.
AB  - Background: Back pain keeps people off work.
Method(s): A trial of 400 workers.
Conclusion(s): Early contact helps.
IS  - 1053-0487
DO  - http://dx.doi.org/10.1007/s10926-018-9999-1
LG  - English
YR  - 2019

<2. >
VN  - Ovid Technologies
DB  - Embase
UI  - 2004000002
TI  - Graded sick leave: a conference abstract.
SO  - BMC Proceedings. Conference: 2nd Nordic Work Conference. Norway. 12 (Supplement 3) (no \
pagination), 2018. Article Number: 55. Date of Publication: 2018.
AU  - Lie K.
YR  - 2018

"""
