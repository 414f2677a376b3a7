"""Email subscriptions, with no account: double opt-in, a personal link to change or leave.

Rules:
- Nothing is sent to an address before its owner confirms, by the link emailed to it, within
  SUBSCRIPTION_CONFIRM_DAYS; a request left unconfirmed is then deleted.
- The page answers the same whether or not the address is already subscribed: a subscribed
  address is emailed its preferences link instead, and its choices stay as they were.
- Requests are limited per network address, and emails per address, in the shared cache.
- The links carry signed tokens (Django's signing, with SECRET_KEY): a confirmation token expires,
  a preferences token lasts as long as the subscription. Leaving deletes the subscription.
"""
