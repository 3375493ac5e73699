"""Kind of a patent applicant, from its name as CNIPA prints it (Chinese, or a foreign name).

Kinds: ``enterprise``, ``university`` (every school, from 大学 to 职业学校), ``research_institute``, ``hospital``,
``government`` (state bodies, the army, public institutions named as such), ``individual`` and ``other``
(associations, foundations, anything unrecognised).

Precedence, first that applies:

1. an empty name, or the filler ``0`` → ``None``;
2. a company legal form: Latin (Co., Ltd, Inc, GmbH, AG, S.A., LLC, Corp, KK, PLC, B.V. …) or the
   Japanese/Korean 株式会社 / 有限会社, anywhere in the name → ``enterprise`` (株式会社半导体能源研究所 is a company);
3. research bodies known by name, whose names end in a society's or commission's word (Fraunhofer /
   弗劳恩霍夫…促进协会, Max Planck / 普朗克…学会, CNRS, INSERM, CEA / 原子能及替代能源委员会) → ``research_institute``;
4. the **last** organisational word of a Chinese name, since the head noun of a Chinese name comes last:
   清华大学附属医院 → hospital (a university hospital is a hospital), 中国科学院大学 → university,
   XX大学科技有限公司 → enterprise (the company suffix wins), 中国电子科技集团公司第十四研究所 → research
   institute. At one position the longer word wins (科学院 over 学院, 供电局 over 局: XX管理局 is government,
   XX管理局有限公司 an enterprise, 供电局 a grid company's branch). 中心 and 部 defer to any word to their left
   (国家电网公司客服中心 → enterprise); alone they make a government body with a governmental cue (国家…,
   …人民政府, 疾病预防控制, a ministry such as 工业和信息化部) and ``other`` without one (技术部 is no person).
   研究中心, 医疗中心, 门诊部, 经营部 are words of their own;
5. Latin words, in this order: hospital (Hospital, Clinic, Medical Center), university (University, College,
   Institute of Technology, Hochschule, École), research (Institute, Research, Academy, Laboratory), government
   (Ministry, Agency, Government, Department of);
6. a person's name: 2–4 Chinese characters (up to 6 for a Japanese applicant, 5 for other foreign ones), a
   transliteration with a middle dot (``J-P·索玛迪西``, ``Y·A·蔡``), or a Latin "Firstname Lastname" without
   organisational words → ``individual``;
7. anything else → ``other``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from schemas.model import APPLICANT_TYPES

__all__ = ["APPLICANT_KINDS", "classify_applicant"]

APPLICANT_KINDS = APPLICANT_TYPES  # declared once, with the schema

_LATIN_COMPANY = re.compile(
    r"(?i:\bco\.?,?\s*ltd\b|\bltd\b|\blimited\b|\binc\b|\bincorporated\b|\bcorp\b|\bcorporation\b|\bcompany\b"
    r"|\bl\.?l\.?c\b|\bl\.?l\.?p\b|\bplc\b|\bpty\b|\bpte\b|\bgmbh\b|\bkgaa\b|\bs\.?p\.?a\b|\bs\.?a\.?s\b"
    r"|\bs\.?r\.?l\b|\bsarl\b|\bkabushiki\s+kaisha\b|\bsdn\.?\s+bhd\b|\boyj?\b|\bholdings?\b|\bindustries\b"
    r"|\blaboratories\b|&\s*co\b|\baktiebolag|\(publ\)|\baktiengesellschaft\b|\bsoci[eé]t[eé]\s+anonyme\b"
    r"|\bvennootschap\b)"
    # short upper-case forms only where legal forms stand, at the end: "AS" or "SE" inside a name is a word
    r"|\b(?:AG|KG|SE|SA|AB|ASA|AS|A/S|BV|NV|KK|S\.A|B\.V|N\.V|K\.K)\.?\s*(?:\(publ\))?$"
)
_CJK_COMPANY = re.compile(r"株式会社|有限会社|合同会社|合资会社")
# Research bodies whose names end in a society's or a commission's word (…促进协会, …委员会).
_NAMED_RESEARCH = re.compile(
    r"弗劳恩霍夫|普朗克|原子能及替代能源委员会|国家科学研究中心"
    r"|(?i:\bfraunhofer|\bmax[\s-]planck\b|\bcnrs\b|\binserm\b|\bcentre\s+national\s+de\s+la\s+recherche\b"
    r"|\bcommissariat\b)"
)

_CHINESE_HEADS: Mapping[str, str] = {
    # enterprise
    **dict.fromkeys(
        ["公司", "有限公司", "集团", "企业", "有限合伙", "普通合伙", "合伙", "厂", "商行", "商店", "合作社",
         "工作室", "事务所", "经营部", "门市部", "营业部", "供电局", "制作所", "製作所", "银行"],
        "enterprise",
    ),
    # university
    **dict.fromkeys(
        ["大学", "学院", "医学院", "研究生院", "学校", "中学", "小学", "大学院", "高等专科学校", "职业技术学院",
         "科学技术院"],
        "university",
    ),
    # research institute
    **dict.fromkeys(
        ["研究所", "研究院", "科学院", "工程院", "设计院", "实验室", "试验所", "试验站", "研究中心", "科学中心",
         "工程中心", "技术中心", "研发中心", "创新中心", "工程技术研究中心"],
        "research_institute",
    ),
    # hospital
    **dict.fromkeys(
        ["医院", "卫生院", "保健院", "疗养院", "诊所", "门诊部", "医疗中心", "医学中心", "卫生服务中心", "急救中心"],
        "hospital",
    ),
    # government
    **dict.fromkeys(
        ["政府", "人民政府", "委员会", "管委会", "局", "厅", "署", "海关", "法院", "检察院", "部队", "武警",
         "公安", "办公室", "军区", "总队", "支队", "中心", "部"],
        "government",
    ),
    # other organisations: they end a name as a head, so an earlier word does not decide it
    **dict.fromkeys(["协会", "学会", "基金会", "联合会", "商会", "促进会", "联盟", "研究会"], "other"),
}  # fmt: skip
_AMBIGUOUS_HEADS = frozenset({"中心", "部"})
_GOVERNMENT_CUE = re.compile(
    r"^(?:中华人民共和国|国家|中国人民解放军|中共|中央|国务院)|人民政府|政府|监督|检验|检疫|疾病预防控制|监测|气象|"
    r"海关|公安|计量|标准化|行政|委员会|管理局"
)
# State Council ministries and the former ones that older filings name; 部 ends many company departments too.
_MINISTRIES = (
    "外交部", "国防部", "教育部", "科学技术部", "科技部", "工业和信息化部", "公安部", "国家安全部", "民政部", "司法部",
    "财政部", "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部",
    "农业农村部", "商务部", "文化和旅游部", "应急管理部", "退役军人事务部", "卫生部", "农业部", "国土资源部",
    "环境保护部", "铁道部", "信息产业部", "建设部", "交通部", "文化部", "监察部", "人事部", "劳动和社会保障部",
    "总装备部", "总后勤部", "总参谋部",
)  # fmt: skip
# Reversed, so that the first match is the last head word in the name and, at one position, the longest one.
_HEAD_REVERSED = re.compile(
    "|".join(sorted((re.escape(w[::-1]) for w in _CHINESE_HEADS), key=len, reverse=True))
)

_LATIN_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)\bhospital|\bclinic|\bklinik|\binfirmary\b|\bmedical\s+cent(?:er|re)\b"), "hospital"),
    (
        re.compile(
            r"(?i)\buniv|\bcollege\b|\binstitute\s+of\s+technology\b|\badvanced\s+institute\s+of\s+science"
            r"|\bpolytechnic|\bpolitecnico\b|\bhochschule\b|\b[eé]cole\b|\btechnion\b"
        ),
        "university",
    ),
    (
        re.compile(r"(?i)\binstitut|\bresearch\b|\bacademy\b|\bacad[eé]mie\b|\blaboratory\b|\bforschung"),
        "research_institute",
    ),
    (
        re.compile(
            r"(?i)\bministry\b|\bministère\b|\bministerium\b|\bagency\b|\bgovernment\b|\bdepartment\s+of\b"
            r"|\bbureau\b|\bcommission\b|\badministration\b|\brepresented\s+by\b|\bsecretary\b"
        ),
        "government",
    ),
)
_LATIN_ORGANISATION = re.compile(
    r"(?i)\b(?:bank|foundation|fondation|fundaci[oó]n|stichting|society|association|trust|council|fund|verein"
    r"|e\.v|network|systems?|solutions|energy|electric|motors?|chemicals?|pharma\w*|medical|health|biotech\w*"
    r"|tech\w*|labs?|cent(?:er|re)|international|global|national|services|products|partners|group)\b"
)
_CJK_PERSON = re.compile(r"[\u4e00-\u9fff]{2,6}")
_DOTTED_PERSON = re.compile(r"[^\W\d_](?:[^\W\d_]|[-.'])*(?:[·•・‧･][^\W\d_](?:[^\W\d_]|[-.'])*)+")
_NAME_PART = r"(?:[A-Z][^\W\d_]*(?:[-'][^\W\d_]+)*\.?|van|von|der|den|de|da|del|di|du|le|la|bin|al)"
_LATIN_PERSON = re.compile(rf"{_NAME_PART}(?:(?:\s+|,\s*){_NAME_PART}){{1,4}}")
_CACHE_SIZE = 1 << 16


def _governmental(name: str) -> bool:
    return _GOVERNMENT_CUE.search(name) is not None or name.endswith(_MINISTRIES)


def _chinese_head(name: str) -> str | None:
    reversed_name = name[::-1]
    pos = 0
    ambiguous = False
    while (found := _HEAD_REVERSED.search(reversed_name, pos)) is not None:
        head = found.group()[::-1]
        if head not in _AMBIGUOUS_HEADS:
            return _CHINESE_HEADS[head]
        ambiguous = True
        pos = found.start() + 1
    if not ambiguous:
        return None
    # 中心 or 部 with nothing before it: a state body with a cue, some other organisation (not a person) without
    return "government" if _governmental(name) else "other"


def _max_person_length(country: str | None) -> int:
    st3 = (country or "").strip().upper()
    if st3 in ("", "0", "CN", "HK", "MO", "TW"):
        return 4
    return 6 if st3 == "JP" else 5


def classify_applicant(name: str | None, country: str | None = None) -> str | None:
    """One of :data:`APPLICANT_KINDS` for an applicant name, or ``None`` when there is no name.

    ``country`` (the applicant's ST.3 code) only widens what counts as a person's name written in Chinese
    characters, since Japanese and other foreign names run longer than Chinese ones.
    """
    if name is None:
        return None
    return _classify(name, _max_person_length(country))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _classify(name: str, max_person_length: int) -> str | None:
    text = unicodedata.normalize("NFKC", name).strip()
    if text in ("", "0"):
        return None
    if _LATIN_COMPANY.search(text) or _CJK_COMPANY.search(text):
        return "enterprise"
    if _NAMED_RESEARCH.search(text):
        return "research_institute"
    compact = "".join(text.split())
    head = _chinese_head(compact)
    if head is not None:
        return head
    for pattern, kind in _LATIN_KINDS:
        if pattern.search(text):
            return kind
    if _CJK_PERSON.fullmatch(compact) and len(compact) <= max_person_length:
        return "individual"
    if _DOTTED_PERSON.fullmatch(compact):
        return "individual"
    if _LATIN_PERSON.fullmatch(text) and not _LATIN_ORGANISATION.search(text):
        return "individual"
    return "other"
