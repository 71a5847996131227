"""Invitations to a meeting, nominations by delegations' focal points, accreditation."""
