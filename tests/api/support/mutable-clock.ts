import { toTokyoDate, type Clock } from '../../../server/platform/clock.ts';
import { TEST_NOW } from '../../support/test-services.ts';

/** A clock that tests move forward by hand (idle timeouts, lockouts). */
export class MutableClock implements Clock {
  private at: Date;

  constructor(iso: string = TEST_NOW) {
    this.at = new Date(iso);
  }

  now(): Date {
    return new Date(this.at);
  }

  today(): string {
    return toTokyoDate(this.at);
  }

  advanceMinutes(minutes: number): void {
    this.at = new Date(this.at.getTime() + minutes * 60_000);
  }

  advanceSeconds(seconds: number): void {
    this.at = new Date(this.at.getTime() + seconds * 1000);
  }
}
