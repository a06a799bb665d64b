// Test and offline-demo helpers: the local Stripe-shaped server and webhook signing.
export { LocalStripe, startLocalStripe, type LocalStripeOptions, type StripeObject } from './local-stripe';
export { parseForm } from './form';
