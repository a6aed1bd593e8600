from enum import Enum


class PreRecordedTranscriptionModel(str, Enum):
    SOLARIA_1 = "solaria-1"
    SOLARIA_3 = "solaria-3"
    SOLARIA_FUSION = "solaria-fusion"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value Gladia sent that this version of the SDK does not list."""
        return self._value_ in type(self)._value2member_map_

    @classmethod
    def _missing_(cls, value: object) -> "PreRecordedTranscriptionModel | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
