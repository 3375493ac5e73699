from __future__ import annotations

import pytest

from sources.normalise.applicants import APPLICANT_KINDS, classify_applicant

CASES: dict[str, list[str]] = {
    "enterprise": [
        # the applicants of the CNIPA samples
        "浙商银行股份有限公司",
        "北京大基康明医疗设备有限公司",
        "云南中烟工业有限责任公司",
        "三星显示有限公司",
        "可隆科技特株式会社",
        "盛源立赛科株式会社",
        # company suffix wins over an earlier university / institute / hospital word
        "浙江大学科技有限公司",
        "XX管理局有限公司",
        "某某医院管理有限公司",
        "株式会社半导体能源研究所",
        "国家电网公司客服中心",
        "罗伯特·博世有限公司",
        "某某投资中心（有限合伙）",
        "东风汽车厂",
        "南方电网深圳供电局",
        "杭州某某商贸经营部",
        "中国银行",
        "ＬＧ电子株式会社",
        "Samsung Electronics Co., Ltd.",
        "Intel Corporation",
        "Apple Inc.",
        "Robert Bosch GmbH",
        "Siemens AG",
        "BASF SE",
        "Koninklijke Philips N.V.",
        "Nokia Technologies Oy",
        "Telefonaktiebolaget LM Ericsson (publ)",
        "Airbus S.A.S.",
        "Google LLC",
        "The Procter & Gamble Company",
        "Sony Group Kabushiki Kaisha",
    ],
    "university": [
        "浙江大学",
        "中国科学院大学",
        "哈尔滨工业大学（深圳）",
        "北京大学深圳研究生院",
        "中国人民解放军第四军医大学",
        "浙江工业职业技术学院",
        "韩国科学技术院",
        "Massachusetts Institute of Technology",
        "The Regents of the University of California",
        "President and Fellows of Harvard College",
        "Korea Advanced Institute of Science and Technology",
        "Eidgenössische Technische Hochschule Zürich",
        "Ecole Polytechnique Federale de Lausanne",
    ],
    "research_institute": [
        "中国科学院",
        "中国科学院化学研究所",
        "中国科学院深圳先进技术研究院",
        "中国电子科技集团公司第十四研究所",
        "中国石油化工股份有限公司北京化工研究院",
        "之江实验室",
        "国家纳米科学中心",
        "某某工程技术研究中心",
        "弗劳恩霍夫应用研究促进协会",
        "马克斯·普朗克科学促进学会",
        "法国国家科学研究中心",
        "法国原子能及替代能源委员会",
        "Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V.",
        "Centre National de la Recherche Scientifique",
        "Commissariat à l'énergie atomique et aux énergies alternatives",
        "Korea Institute of Science and Technology",
        "Electronics and Telecommunications Research Institute",
        "Lawrence Livermore National Laboratory",
    ],
    "hospital": [
        "清华大学附属医院",
        "浙江大学医学院附属第一医院",
        "中国人民解放军总医院",
        "北京协和医院",
        "某某镇卫生院",
        "某某口腔门诊部",
        "Cedars-Sinai Medical Center",
        "Massachusetts General Hospital",
        "Cleveland Clinic",
    ],
    "government": [
        "国家知识产权局",
        "国家知识产权局专利局专利审查协作北京中心",
        "杭州市疾病预防控制中心",
        "杭州市市场监督管理局",
        "某某县人民政府",
        "公安部",
        "中华人民共和国工业和信息化部",
        "中国人民解放军63919部队",
        "中华人民共和国上海海关",
        "Ministry of Defence",
        "Japan Science and Technology Agency",
        "The United States of America, as represented by the Secretary of the Navy",
    ],
    "individual": [
        "叶建鑫",
        "金驲柱",
        "刘铮",
        "欧阳修文",
        "J-P·索玛迪西",
        "Y·A·蔡",
        "D·P·盖特利",
        "买买提·艾力",
        "John Smith",
        "John A. Smith",
        "Jean-Pierre Dupont",
        "Hans-Peter Müller",
        "Ludwig van Beethoven",
        "SMITH, John",
    ],
    "other": [
        "某某技术部",
        "技术部",
        "深圳市某某科技开发中心",
        "中国汽车工程学会",
        "某某大学教育基金会",
        "Deutsche Bank",
        "Bill & Melinda Gates Foundation",
        "长谷川秀树",  # five characters: a person only when the applicant is Japanese
    ],
}


@pytest.mark.parametrize(
    ("name", "kind"),
    [(name, kind) for kind, names in CASES.items() for name in names],
)
def test_classify(name: str, kind: str) -> None:
    assert classify_applicant(name) == kind


@pytest.mark.parametrize(("name", "country", "kind"), [
    ("长谷川秀树", "JP", "individual"),
    ("长谷川秀树", "CN", "other"),
    ("长谷川秀树", None, "other"),
    ("金驲柱", "KR", "individual"),
    ("三星显示有限公司", "KR", "enterprise"),
    ("佐佐木太郎平", "JP", "individual"),
    ("佐佐木太郎平", "KR", "other"),
])  # fmt: skip
def test_country_widens_person_names(name: str, country: str | None, kind: str) -> None:
    assert classify_applicant(name, country) == kind


@pytest.mark.parametrize("name", [None, "", "   ", "0", " 0 "])
def test_no_name(name: str | None) -> None:
    assert classify_applicant(name) is None


def test_every_result_is_a_declared_kind() -> None:
    names = [name for names in CASES.values() for name in names]
    assert {classify_applicant(name) for name in names} == set(APPLICANT_KINDS)


def test_whitespace_and_full_width_forms_do_not_matter() -> None:
    assert classify_applicant(" 浙江 大学 ") == "university"
    assert classify_applicant("Ｓａｍｓｕｎｇ Ｅｌｅｃｔｒｏｎｉｃｓ Ｃｏ．， Ｌｔｄ．") == "enterprise"
