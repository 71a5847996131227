"""Phone numbers as people write them, stored E.164, shown in the international format."""

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


def international(e164: str | None) -> str:
    """An E.164 number as written for readers abroad: +541148151035 gives +54 11 4815-1035."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
