export interface Customer {
  id: string;
  email: string;
  name: string;
}

/** Stand-in for the exchange's database. */
export const db = {
  customers: {
    async all(): Promise<Customer[]> {
      return [];
    },
    async watching(symbol: string): Promise<Customer[]> {
      return symbol ? [] : [];
    },
  },
};
