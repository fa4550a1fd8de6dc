"""The red flags (docs/clinical.md, "The safety screen"): the safety screen and the report both list them."""

from __future__ import annotations

EMERGENCY = [
    "numbness, tingling or weakness in both legs",
    "numbness around your genitals, buttocks or back passage",
    "trouble passing urine, or losing control of your bladder or bowels",
    "new problems getting an erection",
    "chest pain",
    "pain that began after a serious accident or fall",
]
URGENT = [
    "a fever, or losing weight without trying",
    "a lump or swelling, or a change in the shape of your back",
    "pain that rest does not ease, or that is worse at night",
    "pain that is worse when you cough or sneeze",
    "pain high up between your shoulder blades",
    "you have had cancer, or your immune system is weakened",
    "a minor fall when you have osteoporosis or take steroids long term",
]
