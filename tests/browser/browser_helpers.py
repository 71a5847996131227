"""Steps that browser tests share."""

from staff import PASSWORD


def sign_in_page(page, email: str, lang: str = "fr") -> None:
    page.goto(f"/{lang}/sign-in")
    page.get_by_label("E-mail" if lang == "en" else "Courriel").fill(email)
    page.get_by_label("Password" if lang == "en" else "Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Sign in" if lang == "en" else "Se connecter").click()
