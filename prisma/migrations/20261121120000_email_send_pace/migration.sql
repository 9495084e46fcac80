-- CreateTable
CREATE TABLE "EmailSendPace" (
    "transport" TEXT NOT NULL,
    "nextSlotAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailSendPace_pkey" PRIMARY KEY ("transport")
);

