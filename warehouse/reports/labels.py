"""Chinese labels for the codes the statistics tables keep (the tables keep codes, pages show names)."""

from __future__ import annotations

APP_TYPES = {
    "invention": "发明",
    "utility_model": "实用新型",
    "design": "外观设计",
    "unknown": "未知类型",
}

APPLICANT_TYPES = {
    "enterprise": "企业",
    "university": "高校",
    "research_institute": "科研院所",
    "hospital": "医院",
    "government": "机关团体",
    "individual": "个人",
    "other": "其他",
    None: "未识别",
}

ORIGINS = {"domestic": "国内", "foreign": "国外", "unknown": "未识别"}

CHANGES = {"entered": "新增", "left": "移出"}

CHANGE_REASONS = {
    "new_file": "新到公开数据",
    "rule_change": "专题定义变更",
    "reclassification": "分类或著录项目变化",
    "quarantined": "未通过质量检查，暂时隔离",
    "quarantine_lifted": "解除质量隔离",
    "withdrawn": "数据中不再出现",
    "first_build": "首次构建",
}

# WIPO ST.3 codes of the offices and countries that file most often in China.
COUNTRIES = {
    "CN": "中国", "US": "美国", "JP": "日本", "KR": "韩国", "DE": "德国", "FR": "法国", "GB": "英国",
    "CH": "瑞士", "NL": "荷兰", "SE": "瑞典", "IT": "意大利", "FI": "芬兰", "DK": "丹麦", "BE": "比利时",
    "AT": "奥地利", "ES": "西班牙", "IL": "以色列", "CA": "加拿大", "AU": "澳大利亚", "SG": "新加坡",
    "IN": "印度", "RU": "俄罗斯", "TW": "中国台湾", "HK": "中国香港", "MO": "中国澳门", "IE": "爱尔兰",
    "NO": "挪威", "LU": "卢森堡", "BR": "巴西", "EP": "欧洲专利局", "WO": "世界知识产权组织",
}


def label(table: dict, code: object, default: str | None = None) -> str:
    """The Chinese name of a code, else the code itself (or `default` when the code is NULL)."""
    if code in table:
        return table[code]
    if code is None:
        return default or "未识别"
    return str(code)
