import { parseForm } from './form';

describe('parseForm (Stripe form encoding)', () => {
  it('rebuilds nested objects and indexed arrays', () => {
    const body = 'customer=cus_1&items[0][price_data][unit_amount]=15550&items[0][quantity]=40000&items[1][quantity]=2&metadata[deal_id]=d%201&expand[0]=latest_invoice';
    expect(parseForm(encodeURI(body).replace(/%25/g, '%'))).toEqual({
      customer: 'cus_1',
      items: [{ price_data: { unit_amount: '15550' }, quantity: '40000' }, { quantity: '2' }],
      metadata: { deal_id: 'd 1' },
      expand: ['latest_invoice'],
    });
  });

  it('decodes reserved characters and empty bodies', () => {
    expect(parseForm('name=A%26B%3Dc%2B&note=')).toEqual({ name: 'A&B=c+', note: '' });
    expect(parseForm('')).toEqual({});
  });
});
