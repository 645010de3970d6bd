import { describe, expect, it } from 'vitest';
import { textMessages } from './messages';
import {
  NationalId,
  checkNationalId,
  decodeNationalId,
  nationalIdProblems,
  nationalIdProvinces,
  normaliseNationalId,
} from './nationalId';

describe('decodeNationalId', () => {
  it('decodes province, gender and birth year', () => {
    expect(decodeNationalId('001085012345')).toEqual({
      ok: true,
      facts: { provinceCode: '001', provinceName: 'Hà Nội', gender: 'male', birthYear: 1985 },
    });
    expect(decodeNationalId('079 301 012345')).toEqual({
      ok: true,
      facts: { provinceCode: '079', provinceName: 'Thành phố Hồ Chí Minh', gender: 'female', birthYear: 2001 },
    });
    expect(decodeNationalId('096199000001')).toMatchObject({ ok: true, facts: { gender: 'female', birthYear: 1999 } });
    expect(decodeNationalId('\t038200000001 ')).toMatchObject({
      ok: true,
      facts: { provinceName: 'Thanh Hóa', gender: 'male', birthYear: 2000 },
    });
  });

  it('requires exactly twelve digits', () => {
    for (const input of ['', '00108501234', '0010850123456', '00108501234a', '001-085-012345', '００１０８５０１２３４５']) {
      expect([input, decodeNationalId(input)]).toEqual([input, { ok: false, problem: 'nationalId.format' }]);
    }
  });

  it('recognises a number whose leading zeros a spreadsheet dropped', () => {
    expect(decodeNationalId('1085012345')).toEqual({ ok: false, problem: 'nationalId.leadingZerosLost' });
    expect(decodeNationalId('79301012345')).toEqual({ ok: false, problem: 'nationalId.leadingZerosLost' });
    expect(decodeNationalId('3085012345')).toEqual({ ok: false, problem: 'nationalId.format' });
  });

  it('accepts exactly the 63 published province codes', () => {
    const codes = Object.keys(nationalIdProvinces);
    expect(codes).toHaveLength(63);
    for (let code = 0; code <= 999; code += 1) {
      const prefix = String(code).padStart(3, '0');
      const result = decodeNationalId(`${prefix}085012345`);
      expect([prefix, result.ok]).toEqual([prefix, codes.includes(prefix)]);
      if (!result.ok) expect(result.problem).toBe('nationalId.province');
    }
    expect(codes.every((code) => code >= '001' && code <= '096')).toBe(true);
    for (const gap of [
      '003',
      '005',
      '007',
      '009',
      '013',
      '016',
      '018',
      '021',
      '023',
      '028',
      '029',
      '032',
      '039',
      '041',
      '043',
      '047',
      '050',
      '053',
      '055',
      '057',
      '059',
      '061',
      '063',
      '065',
      '069',
      '071',
      '073',
      '076',
      '078',
      '081',
      '085',
      '088',
      '090',
    ]) {
      expect(codes).not.toContain(gap);
    }
  });

  it('refuses century codes of births after 2099', () => {
    for (const digit of ['4', '5', '6', '7', '8', '9']) {
      expect(decodeNationalId(`001${digit}85012345`)).toEqual({ ok: false, problem: 'nationalId.century' });
    }
  });
});

describe('checkNationalId', () => {
  it('finds nothing wrong with a number that matches its holder', () => {
    expect(checkNationalId('001085012345', { birthYear: 1985, gender: 'male' })).toEqual([]);
    expect(checkNationalId('001085012345')).toEqual([]);
  });

  it('reports disagreement with the birth year and with the gender separately', () => {
    expect(checkNationalId('001085012345', { birthYear: 1986, gender: 'male' })).toEqual(['nationalId.birthYear']);
    expect(checkNationalId('001085012345', { birthYear: 2085 })).toEqual(['nationalId.birthYear']);
    expect(checkNationalId('001085012345', { birthYear: 1985, gender: 'female' })).toEqual(['nationalId.gender']);
    expect(checkNationalId('001285012345', { birthYear: 1985, gender: 'female' })).toEqual([
      'nationalId.birthYear',
      'nationalId.gender',
    ]);
  });

  it('reports a malformed number alone', () => {
    expect(checkNationalId('123', { birthYear: 1985, gender: 'male' })).toEqual(['nationalId.format']);
  });
});

describe('NationalId schema', () => {
  it('removes white space and accepts a valid number', () => {
    expect(NationalId.parse(' 001 085 012345 ')).toBe('001085012345');
    expect(normaliseNationalId('001\u00a0085 012345')).toBe('001085012345');
  });

  it('refuses with the problem as message key', () => {
    const result = NationalId.safeParse('099085012345');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['nationalId.province']);
  });
});

describe('messages', () => {
  it('has a Vietnamese and an English message for every problem', () => {
    for (const problem of nationalIdProblems) {
      expect(textMessages.vi[problem]).toMatch(/\S/);
      expect(textMessages.en[problem]).toMatch(/\S/);
    }
  });
});
