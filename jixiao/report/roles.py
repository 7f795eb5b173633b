"""The colour of every cell role (``records.ROLES``), shared by the HTML report and ``debug.plot``."""
from __future__ import annotations

# (group, label shown in the legend, colour, roles); unread cells in red, drawn thicker
ROLE_GROUPS = [
    ("level1", "一级指标", "#1f5fbf", ("level1",)),
    ("level2", "二级指标", "#12a4b8", ("level2",)),
    ("indicator", "三级指标", "#2e9d3a", ("indicator",)),
    ("target", "指标值", "#f07f00", ("operator", "target", "unit")),
    ("actual", "实际完成值", "#8e44ad", ("actual",)),
    ("score", "分值 / 得分", "#b5651d", ("score_max", "score")),
    ("deviation", "偏差原因", "#9a9a1a", ("deviation",)),
    ("funding", "资金", "#c9a000", ("funding_label", "amount")),
    ("goal", "绩效目标", "#0f7b5f", ("goal_heading", "goal")),
    ("field", "表头字段", "#6b6b9a", ("field_label", "field_value")),
    ("heading", "标题 / 表头", "#9a9a9a", ("title", "heading")),
    ("other", "占位 / 噪声", "#c8c8c8", ("placeholder", "noise")),
    ("unread", "未读 (unread)", "#e00000", ("unread",)),
]

ROLE_GROUP = {role: group for group, _, _, roles in ROLE_GROUPS for role in roles}
GROUP_COLOUR = {group: colour for group, _, colour, _ in ROLE_GROUPS}
ROLE_COLOUR = {role: GROUP_COLOUR[group] for role, group in ROLE_GROUP.items()}
UNKNOWN_COLOUR = "#555555"


def colour_of(role: str | None) -> str:
    return ROLE_COLOUR.get(role or "", UNKNOWN_COLOUR)


def group_of(role: str | None) -> str:
    return ROLE_GROUP.get(role or "", "other")
