"""The red flags (docs/clinical.md, "The safety screen"): the safety screen and the report both list them."""

from __future__ import annotations

# The words around the lists, shared by the safety screen and the plain coach.
TITLE = "Before you start: is it safe to exercise?"
INTRO = (
    "backcoach is not medical advice. It coaches exercises your physiotherapist or doctor "
    "has suggested. Do not exercise, and get medical help, if any of these apply to you."
)
EMERGENCY_TITLE = "Emergency: call your emergency number or go to A&E now"
URGENT_TITLE = "Get an urgent appointment with a doctor before exercising"
OSTEOPOROSIS_QUESTION = (
    "Do you have osteoporosis (thin, fragile bones)? Then the routines swap the crunch for a back"
    " exercise and keep twists within half your range. You can change this in settings."
)

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
