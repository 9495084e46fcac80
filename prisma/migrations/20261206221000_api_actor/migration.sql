-- A change made through the public API is the key's: the audit trail names the key (its creator is who it acts as).
ALTER TYPE "ActorType" ADD VALUE 'API_KEY';
