"""Phone numbers as people write them, stored E.164, shown in the international format."""

import re

import phonenumbers


def to_e164(phone: str, region: str | None = None) -> str:
    """Parse a phone number as people write it; raise ValueError when it is not a valid number."""
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException as error:
        raise ValueError(str(error)) from error
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"not a valid phone number: {phone}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def region_of_code(phone: str) -> str | None:
    """The country (ISO 3166-1 alpha-2) whose code a number written internationally starts
    with ("+229 ...", "00229 ...": BJ); None for a number without one, or a code shared by
    several countries (+1, +7, +44...: the main one is not necessarily meant)."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if not digits.startswith("+"):
        return None
    for length in (1, 2, 3):
        code = digits[1 : 1 + length]
        if code.isdigit():
            regions = phonenumbers.region_codes_for_country_code(int(code))
            if regions and regions != ("001",):
                return regions[0] if len(regions) == 1 else None
    return None


def international(e164: str | None) -> str:
    """An E.164 number as written for readers abroad: +541148151035 gives +54 11 4815-1035."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
