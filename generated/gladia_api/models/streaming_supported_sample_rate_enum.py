from enum import IntEnum


class StreamingSupportedSampleRateEnum(IntEnum):
    VALUE_8000 = 8000
    VALUE_16000 = 16000
    VALUE_32000 = 32000
    VALUE_44100 = 44100
    VALUE_48000 = 48000

    def __str__(self) -> str:
        return str(self.value)
