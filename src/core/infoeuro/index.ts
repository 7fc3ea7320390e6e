export {
  frenchMonth,
  INFOEURO_ENDPOINT,
  monthKey,
  monthlyRatesUrl,
  parseRateMonth,
  type RateMonth,
} from "./month";
export {
  decimalText,
  EURO,
  noRatesError,
  parseCurrencyCode,
  pickRate,
  type RateTable,
  rateTableSchema,
  readMonthlyRates,
  unreachableError,
} from "./rates";
export { type MonthlyRateRow, monthlyRatesSchema, noRatesSchema } from "./schema";
