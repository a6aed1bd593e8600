from enum import IntEnum


class StreamingSupportedBitDepthEnum(IntEnum):
    VALUE_8 = 8
    VALUE_16 = 16
    VALUE_24 = 24
    VALUE_32 = 32

    def __str__(self) -> str:
        return str(self.value)
