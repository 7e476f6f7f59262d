import { describe, expect, it } from 'vitest';
import { keepsToldWindow, pickupText, pickupWindowOf, recipientOf } from '../../../../src/domain/notification/pickup-window.rules.js';
import { ConfigError, loadConfig } from '../../../../src/config.js';

describe('pickup window', () => {
  it('centres on the planned pickup rounded to 5 minutes, ± the tolerance', () => {
    // 08:07:40 → 08:10 ± 15.
    expect(pickupWindowOf(8 * 3600 + 7 * 60 + 40, 15)).toEqual({ fromMin: 475, toMin: 505 });
    expect(pickupWindowOf(5 * 60, 15).fromMin).toBe(0);
  });

  it('needs no new message while the pickup stays inside the window told, to the second, and one when it leaves it', () => {
    const told = pickupWindowOf(8 * 3600 + 10 * 60, 15); // 07:55–08:25
    // Moved by 4 minutes, or to the window's very edges: the client is ready for all of it.
    expect(keepsToldWindow(told, 8 * 3600 + 14 * 60)).toBe(true);
    expect(keepsToldWindow(told, 7 * 3600 + 55 * 60)).toBe(true);
    expect(keepsToldWindow(told, 8 * 3600 + 25 * 60)).toBe(true);
    expect(keepsToldWindow(told, 8 * 3600 + 25 * 60 + 1)).toBe(false);
    expect(keepsToldWindow(told, 7 * 3600 + 54 * 60 + 59)).toBe(false);
  });

  it('goes to the client, else the caseworker, else nobody', () => {
    expect(recipientOf({ phone: '601', caseworkerPhone: '602' })).toEqual({ kind: 'CLIENT', address: '601' });
    expect(recipientOf({ phone: null, caseworkerPhone: '602' })).toEqual({ kind: 'CASEWORKER', address: '602' });
    expect(recipientOf({ phone: null, caseworkerPhone: null }).address).toBeNull();
    // By e-mail: clients have no e-mail, so the caseworker's account e-mail, whatever the phones.
    expect(recipientOf({ phone: '601', caseworkerPhone: '602', caseworkerEmail: 'a@gmina.pl' }, 'email')).toEqual({ kind: 'CASEWORKER', address: 'a@gmina.pl' });
    expect(recipientOf({ phone: '601', caseworkerPhone: '602', caseworkerEmail: null }, 'email').address).toBeNull();
  });

  it('says the day, the window and where from', () => {
    const text = pickupText({ kind: 'PICKUP_CHANGED', organisationName: 'GOPS Srokowo', date: '2026-03-05', window: { fromMin: 475, toMin: 505 }, clientName: 'Jan Król', recipientKind: 'CASEWORKER', fromAddress: 'Leśny Rów 3' });
    expect(text).toBe('GOPS Srokowo: ZMIANA godziny odbioru (podopieczny: Jan Król). 05.03 odbiór między 07:55 a 08:25, Leśny Rów 3.');
  });
});

describe('notification configuration', () => {
  it('defaults to the log channel at 18:00', () => {
    expect(loadConfig({})).toMatchObject({ NOTIFY_CHANNEL: 'log', NOTIFY_EVENING_TIME: '18:00', GEOCODER_KIND: 'nominatim' });
  });
  it('needs the gateway URL and token for SMS, and a real time of day', () => {
    expect(() => loadConfig({ NOTIFY_CHANNEL: 'sms' })).toThrow(/NOTIFY_SMS_URL[\s\S]*NOTIFY_SMS_TOKEN/);
    expect(loadConfig({ NOTIFY_CHANNEL: 'sms', NOTIFY_SMS_URL: 'https://sms.example/send', NOTIFY_SMS_TOKEN: 'abcdefgh' }).NOTIFY_SMS_URL).toBe('https://sms.example/send');
    expect(() => loadConfig({ NOTIFY_EVENING_TIME: '25:00' })).toThrow(ConfigError);
    expect(() => loadConfig({ NOTIFY_CHANNEL: 'email' })).toThrow(/NOTIFY_SMTP_URL[\s\S]*NOTIFY_EMAIL_FROM/);
    expect(() => loadConfig({ NOTIFY_CHANNEL: 'email', NOTIFY_SMTP_URL: 'http://mail.gmina.pl', NOTIFY_EMAIL_FROM: 'a@b.pl' })).toThrow(/NOTIFY_SMTP_URL.*smtp:\/\//);
    expect(() => loadConfig({ NOTIFY_CHANNEL: 'email', NOTIFY_SMTP_URL: 'smtp://mail.gmina.pl:587', NOTIFY_EMAIL_FROM: 'a@b.pl' })).toThrow(/NOTIFY_SMTP_URL.*credentials/);
    expect(() => loadConfig({ NOTIFY_CHANNEL: 'email', NOTIFY_SMTP_URL: 'smtps://u:p@mail.gmina.pl', NOTIFY_EMAIL_FROM: 'nobody' })).toThrow(/NOTIFY_EMAIL_FROM/);
    expect(loadConfig({ NOTIFY_CHANNEL: 'email', NOTIFY_SMTP_URL: 'smtps://u:p@mail.gmina.pl', NOTIFY_EMAIL_FROM: 'dowoz@gmina.pl' }).NOTIFY_EMAIL_FROM).toBe('dowoz@gmina.pl');
    expect(() => loadConfig({ GEOCODER_URL: 'nominatim.local' })).toThrow(/GEOCODER_URL/);
  });
});
